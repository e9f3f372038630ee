; ClientSafe for Windows: Inno Setup 6 script (https://jrsoftware.org/ishelp/).
; Build on Windows, after `make package` there (dist\clientsafe\ and dist\extension\):
;   python packaging\windows\make_registry.py
;   iscc /DAppVersion=0.1.0 packaging\windows\clientsafe.iss
; Output: dist\ClientSafe-<version>-setup.exe. Silent install for deployment tools: setup.exe /VERYSILENT /NORESTART
; Machine-wide (HKLM policies, Program Files), so it needs administrator rights.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6F1B9E4C-2A57-4C3B-9D7E-0C11E47A5AFE}
AppName=ClientSafe
AppVersion={#AppVersion}
AppPublisher=ClientSafe
DefaultDirName={autopf}\ClientSafe
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=ClientSafe-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\clientsafe.exe

[Files]
Source: "{#Root}\dist\clientsafe\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion
Source: "clientsafe-native-host.bat"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Root}\build\windows\allowed-extensions.json"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Root}\build\windows\native-messaging\*.json"; DestDir: "{app}\native-messaging"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\ClientSafe"; Filename: "{app}\clientsafe.exe"; Parameters: "tray"
; Every user's session starts the tray at sign-in.
Name: "{commonstartup}\ClientSafe"; Filename: "{app}\clientsafe.exe"; Parameters: "tray"

[Run]
; Proves the install works before the installer reports success (offline: the self-test refuses the network).
Filename: "{app}\clientsafe.exe"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking ClientSafe works..."

; Browser policies (force-install + 3rdparty configuration) and native-messaging host registration.
#include "..\..\build\windows\policies.iss"
