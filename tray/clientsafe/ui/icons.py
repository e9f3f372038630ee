"""The tray icon for each state, drawn in code so it is sharp at any scaling. Each state has its own shape
(tick, pause bars, broken link, warning triangle, three dots), so the states differ without colour too."""

from __future__ import annotations

from clientsafe.ui.qt import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPointF, QPolygonF, QRectF, Qt
from clientsafe.ui.state import TrayState

_COLOUR = {
    TrayState.PROTECTED: "#1b7f3b",
    TrayState.PAUSED: "#5f6368",
    TrayState.NOT_PAIRED: "#b06000",
    TrayState.PROBLEM: "#c5221f",
    TrayState.WARMING: "#1a5fb4",
}
_SIZES = (16, 22, 24, 32, 48, 64, 128)


def _shield(size: float) -> QPainterPath:
    s = size
    path = QPainterPath()
    path.moveTo(s * 0.5, s * 0.06)
    path.lineTo(s * 0.88, s * 0.2)
    path.cubicTo(s * 0.88, s * 0.55, s * 0.75, s * 0.8, s * 0.5, s * 0.95)
    path.cubicTo(s * 0.25, s * 0.8, s * 0.12, s * 0.55, s * 0.12, s * 0.2)
    path.closeSubpath()
    return path


def _glyph(p: QPainter, state: TrayState, s: float) -> None:
    white = QPen(QColor("white"), s * 0.1, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(white)
    p.setBrush(Qt.BrushStyle.NoBrush)
    if state is TrayState.PROTECTED:
        p.drawPolyline(
            QPolygonF([QPointF(s * 0.32, s * 0.5), QPointF(s * 0.45, s * 0.63), QPointF(s * 0.68, s * 0.36)])
        )
    elif state is TrayState.PAUSED:
        p.drawLine(QPointF(s * 0.41, s * 0.33), QPointF(s * 0.41, s * 0.65))
        p.drawLine(QPointF(s * 0.59, s * 0.33), QPointF(s * 0.59, s * 0.65))
    elif state is TrayState.NOT_PAIRED:
        # Two chain links with a gap between them: "not connected".
        thin = QPen(white)
        thin.setWidthF(s * 0.07)
        p.setPen(thin)
        p.drawRoundedRect(QRectF(s * 0.24, s * 0.42, s * 0.22, s * 0.14), s * 0.06, s * 0.06)
        p.drawRoundedRect(QRectF(s * 0.54, s * 0.42, s * 0.22, s * 0.14), s * 0.06, s * 0.06)
    elif state is TrayState.PROBLEM:
        p.drawLine(QPointF(s * 0.5, s * 0.38), QPointF(s * 0.5, s * 0.62))
        p.drawPoint(QPointF(s * 0.5, s * 0.78))
    else:  # warming: three dots
        for x in (0.34, 0.5, 0.66):
            p.drawPoint(QPointF(s * x, s * 0.5))


def pixmap(state: TrayState, size: int) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("white"), max(1.0, size * 0.04)))
    p.setBrush(QColor(_COLOUR[state]))
    if state is TrayState.PROBLEM:
        # A warning triangle rather than the shield: the one state that asks the person to act.
        p.drawPolygon(
            QPolygonF(
                [QPointF(size * 0.5, size * 0.06), QPointF(size * 0.96, size * 0.92), QPointF(size * 0.04, size * 0.92)]
            )
        )
    else:
        p.drawPath(_shield(size))
    _glyph(p, state, size)
    p.end()
    return pix


_CACHE: dict[TrayState, QIcon] = {}


def icon(state: TrayState) -> QIcon:
    if state not in _CACHE:
        result = QIcon()
        for size in _SIZES:
            result.addPixmap(pixmap(state, size))
        _CACHE[state] = result
    return _CACHE[state]
