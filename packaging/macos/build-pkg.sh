#!/bin/sh
# Build dist/ClientSafe-<version>.pkg on a Mac, after `make package` there made dist/ClientSafe.app and
# dist/extension/ (`make package` on macOS runs this script last, through packaging/build_installer.py).
# Optional environment:
#   CLIENTSAFE_POLICY=/path/policy.json    the organisation's policy, installed to
#                                          /Library/Application Support/ClientSafe/policy.json once the app's own
#                                          validation accepts it (a broken policy stops the build)
#   APP_SIGN_IDENTITY="Developer ID Application: ..."   signs the app (hardened runtime, needed for notarisation)
#   PKG_SIGN_IDENTITY="Developer ID Installer: ..."     signs the pkg
set -eu
cd "$(dirname "$0")/../.."
VERSION=$(cat dist/clientsafe.version)
.venv/bin/python packaging/macos/make_profile.py
APP=dist/ClientSafe.app
RES="$APP/Contents/Resources"
mkdir -p "$RES/native-messaging"
cp build/macos/native-messaging/*.json "$RES/native-messaging/"
# Data under Resources, never in Contents/MacOS (codesign takes everything there for code); native/host.py looks there.
cp build/macos/allowed-extensions.json "$RES/"
cp packaging/macos/org.clientsafe.tray.plist "$RES/"
printf '#!/bin/sh\nexec "$(dirname "$0")/clientsafe" native-host "$@"\n' > "$APP/Contents/MacOS/clientsafe-native-host"
chmod 755 "$APP/Contents/MacOS/clientsafe-native-host"
# Signed last: any file added to the bundle afterwards would break the signature.
if [ -n "${APP_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$APP_SIGN_IDENTITY" "$APP"
else
  echo "build-pkg.sh: APP_SIGN_IDENTITY is not set, so ClientSafe.app is not signed (Gatekeeper will refuse it)."
fi
rm -rf build/macos/root && mkdir -p build/macos/root/Applications && cp -R "$APP" build/macos/root/Applications/
# Writes nothing when CLIENTSAFE_POLICY is unset; exits non-zero (and set -e stops here) when the policy is broken.
.venv/bin/python packaging/policies.py org-policy "build/macos/root/Library/Application Support/ClientSafe/policy.json"
pkgbuild --root build/macos/root --identifier org.clientsafe.ClientSafe --version "$VERSION" \
  --scripts packaging/macos/scripts --install-location / build/macos/ClientSafe-component.pkg
productbuild --package build/macos/ClientSafe-component.pkg ${PKG_SIGN_IDENTITY:+--sign "$PKG_SIGN_IDENTITY"} \
  "dist/ClientSafe-$VERSION.pkg"
echo "dist/ClientSafe-$VERSION.pkg and build/macos/ClientSafe.mobileconfig (upload the profile to your MDM)"
