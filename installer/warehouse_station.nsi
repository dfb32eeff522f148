; NSIS script for a Windows setup.exe around the PyInstaller folder.
; Build: pyinstaller installer/warehouse_station.spec, then
;   makensis /DVERSION=0.1.0 installer/warehouse_station.nsi
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!define APPNAME "Warehouse Station"
!define APPDIR "warehouse-station-${VERSION}"
Unicode true
Name "${APPNAME} ${VERSION}"
OutFile "..\dist\warehouse-station-setup-${VERSION}.exe"
InstallDir "$PROGRAMFILES64\WarehouseStation"
RequestExecutionLevel admin
!include "MUI2.nsh"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "..\dist\${APPDIR}\*.*"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\打包工位 Packing Station.lnk" "$INSTDIR\warehouse-station-gui.exe"
  CreateShortcut "$DESKTOP\打包工位 Packing Station.lnk" "$INSTDIR\warehouse-station-gui.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\WarehouseStation" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\WarehouseStation" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\WarehouseStation" "UninstallString" "$INSTDIR\uninstall.exe"
SectionEnd

Section "Uninstall"
  ; station data (the SQLite store) lives in the user's data folder and is kept on purpose
  RMDir /r "$INSTDIR"
  Delete "$DESKTOP\打包工位 Packing Station.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\WarehouseStation"
SectionEnd
