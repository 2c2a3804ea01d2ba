; Inno Setup script for the Windows installer: wraps dist\Sala built by packaging/build.sh.
#define AppName "Sala"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F7B2C1E-5A1D-4C3B-9E57-2569A0C0FFEE}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Open Gov Space
DefaultDirName={autopf}\Sala
DefaultGroupName=Sala
OutputBaseFilename=Sala-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
ArchitecturesInstallIn64BitMode=x64

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\Sala\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Sala"; Filename: "{app}\Sala.exe"
Name: "{autodesktop}\Sala"; Filename: "{app}\Sala.exe"

[Run]
Filename: "{app}\Sala.exe"; Description: "Start Sala"; Flags: nowait postinstall skipifsilent
