; Inno Setup script for the Windows installer: wraps dist\Sala, built on Windows by
;   pyinstaller packaging\sala.spec        (see README, "Installers")
; then: iscc packaging\sala.iss            (or iscc /DAppVersion=0.2.0 packaging\sala.iss)
;
; Upgrade in place: the AppId below never changes, so a newer installer replaces the old files
; in the same folder (and closes a running Sala first).
; Before the new files go in, the old program folder {app}\_internal is emptied, so no library or
; Qt plugin of the previous version is left beside the new ones.
; An office's deployment file (sala-deployment.json, made by `sala-central deployment-file`) placed
; beside the setup .exe is copied beside Sala.exe, where the app adopts it at its next start (for
; every Windows user of the laptop); without one the installer goes on as usual.
; User data is never touched: Sala keeps it in %LOCALAPPDATA%\OpenGovSpace\Sala (sala.paths,
; via platformdirs), outside {app}; the uninstaller removes only what it installed, and this
; script has no [UninstallDelete] section on purpose.
#define AppName "Sala"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; Fixed for the life of the product: do not change (upgrades find the old install by it).
AppId={{6F7B2C1E-5A1D-4C3B-9E57-2569A0C0FFEE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Open Gov Space
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Sala
DefaultGroupName=Sala
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir=..\dist
OutputBaseFilename=Sala-{#AppVersion}-setup
SetupIconFile=..\resources\icons\sala.ico
UninstallDisplayIcon={app}\Sala.exe
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
RestartApplications=no
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\Sala\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion
Source: "{src}\sala-deployment.json"; DestDir: "{app}"; Flags: external skipifsourcedoesntexist ignoreversion

[Icons]
Name: "{group}\Sala"; Filename: "{app}\Sala.exe"; IconFilename: "{app}\_internal\resources\icons\sala.ico"
Name: "{group}\{cm:UninstallProgram,Sala}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Sala"; Filename: "{app}\Sala.exe"; IconFilename: "{app}\_internal\resources\icons\sala.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\Sala.exe"; Description: "{cm:LaunchProgram,Sala}"; Flags: nowait postinstall skipifsilent
