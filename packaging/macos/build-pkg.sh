#!/bin/sh
# Build dist/ClientSafe-<version>.pkg on a Mac, after `make package` there made dist/ClientSafe.app and
# dist/extension/. Sign with the organisation's Developer ID: PKG_SIGN_IDENTITY="Developer ID Installer: ...".
set -eu
cd "$(dirname "$0")/../.."
VERSION=$(cat dist/clientsafe.version)
.venv/bin/python packaging/macos/make_profile.py
APP=dist/ClientSafe.app
RES="$APP/Contents/Resources"
mkdir -p "$RES/native-messaging"
cp build/macos/native-messaging/*.json "$RES/native-messaging/"
cp build/macos/allowed-extensions.json "$APP/Contents/MacOS/"
cp packaging/macos/org.clientsafe.tray.plist "$RES/"
printf '#!/bin/sh\nexec "$(dirname "$0")/clientsafe" native-host "$@"\n' > "$APP/Contents/MacOS/clientsafe-native-host"
chmod 755 "$APP/Contents/MacOS/clientsafe-native-host"
rm -rf build/macos/root && mkdir -p build/macos/root/Applications && cp -R "$APP" build/macos/root/Applications/
pkgbuild --root build/macos/root --identifier org.clientsafe.ClientSafe --version "$VERSION" \
  --scripts packaging/macos/scripts --install-location / build/macos/ClientSafe-component.pkg
productbuild --package build/macos/ClientSafe-component.pkg ${PKG_SIGN_IDENTITY:+--sign "$PKG_SIGN_IDENTITY"} \
  "dist/ClientSafe-$VERSION.pkg"
echo "dist/ClientSafe-$VERSION.pkg and build/macos/ClientSafe.mobileconfig (upload the profile to your MDM)"
