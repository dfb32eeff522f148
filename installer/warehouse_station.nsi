; Windows setup for the packing station: warehouse-station-setup-<version>.exe
;
; Build (installer/build_windows.sh does all of it, also on Linux with Debian's nsis):
;   python installer/nsis_payload.py dist/warehouse-station build/nsis
;   makensis -WX -DVERSION=0.1.0 -DPAYLOAD=build/nsis -DOUTFILE=dist/warehouse-station-setup-0.1.0.exe installer/warehouse_station.nsi
; Optional: -DSIGN_CMD="installer/sign.sh" signs the setup and its uninstaller (see installer/README.md).
;
; Per machine: program in "Program Files\WarehouseStation" (a custom folder is remembered for
; upgrades), shortcuts for all users, station data in %ProgramData%\WarehouseStation shared by
; every packer account (Users: modify). Uninstall deletes only the files listed in
; install-manifest.txt (what this setup put there) and keeps the station data unless asked.
;
; Silent:  setup.exe /S [/STATION=WH1-ST01] [/HUB=https://hub:8443] [/TOKEN=...] [/AUTOSTART]
;          [/KIOSK] [/D=C:\Apps\WarehouseStation]   (/D must be last, as with every NSIS setup)
;          /KIOSK: the shortcuts start the window full screen (kept on upgrade)
; Uninstall silently: uninstall.exe /S [/PURGE]   (/PURGE also deletes the station data)

Unicode true
Target amd64-unicode
ManifestDPIAware true
!ifdef FAST_COMPRESSION
  SetCompress off  ; CI's compile check of a Linux bundle (never shipped): seconds, not minutes
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel admin

!ifndef VERSION
  !error "pass -DVERSION=x.y.z (installer/build_windows.sh reads it from the package metadata)"
!endif
!ifndef PAYLOAD
  !error "pass -DPAYLOAD=<folder with payload.nsh and install-manifest.txt> (installer/nsis_payload.py)"
!endif
!ifndef OUTFILE
  !define OUTFILE "warehouse-station-setup-${VERSION}.exe"
!endif
; VIProductVersion needs four numbers: 0.1.0 -> 0.1.0.0 (build scripts may pass VERSION4)
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif

!define APPNAME "Warehouse Station"
!define APPNAME_ZH "打包工位"
!define COMPANY "Warehouse"
!define REGKEY "Software\WarehouseStation"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\WarehouseStation"
!define GUI_EXE "warehouse-station-gui.exe"
!define CLI_EXE "warehouse-station.exe"
!define SHORTCUT "${APPNAME_ZH} Packing Station.lnk"
!define DATADIR_NAME "WarehouseStation"
!define MANIFEST "install-manifest.txt"
!define ENVKEY "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"

Name "${APPNAME_ZH} ${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\WarehouseStation"
InstallDirRegKey HKLM "${REGKEY}" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "CompanyName" "${COMPANY}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME_ZH} ${APPNAME} setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Proprietary"

!ifdef SIGN_CMD
  ; %1 is the file makensis just wrote; = 0 makes a failed signing fail the build
  !finalize '${SIGN_CMD} "%1"' = 0
  !uninstfinalize '${SIGN_CMD} "%1"' = 0
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WordFunc.nsh"
!include "x64.nsh"
!include "WinMessages.nsh"

!define MUI_ICON "..\resources\icons\app.ico"
!define MUI_UNICON "..\resources\icons\app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Var DataDir
Var Station
Var Hub
Var Token
Var Purge
Var GuiArgs

; ---------------------------------------------------------------------------------------------
; Shared helpers (installer and uninstaller)

; Close a running station window before files change: ask (interactive) or close it (silent).
!macro CLOSE_APP un
Function ${un}CloseApp
  StrCpy $R9 0
  nsExec::ExecToStack 'tasklist /NH /FI "IMAGENAME eq ${GUI_EXE}"'
  Pop $0
  Pop $1
  ClearErrors
  ${WordFind} "$1" "${GUI_EXE}" "E+1{" $2
  ${IfNot} ${Errors}
    StrCpy $R9 1
  ${EndIf}
  ${If} $R9 == 1
  ${AndIfNot} ${Silent}
    MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "打包工位正在运行，点“确定”将其关闭后继续。$\r$\nThe packing station is running: OK closes it and continues." IDOK +2
    Abort
  ${EndIf}
  ; A polite close first (the window saves and joins its threads), then force. Also when
  ; tasklist found nothing (it is missing on some systems): exit 128 means nothing was running.
  nsExec::Exec 'taskkill /IM ${GUI_EXE}'
  Pop $0
  ${If} $0 == 0
    Sleep 3000
    nsExec::Exec 'taskkill /F /IM ${GUI_EXE}'
    Pop $0
    Sleep 500
  ${EndIf}
FunctionEnd
!macroend
!insertmacro CLOSE_APP ""
!insertmacro CLOSE_APP "un."

; Delete what a manifest lists (files, then folders only when empty): exactly what was installed.
!macro REMOVE_MANIFEST un
Function ${un}RemoveManifest
  IfFileExists "$INSTDIR\${MANIFEST}" 0 done
  FileOpen $0 "$INSTDIR\${MANIFEST}" r
  loop:
    FileReadUTF16LE $0 $1
    StrCmp $1 "" close
    ${WordReplace} "$1" "$\r" "" "+" $1
    ${WordReplace} "$1" "$\n" "" "+" $1
    StrCpy $2 $1 2
    StrCpy $3 $1 "" 2
    StrCmp $3 "" loop
    StrCmp $2 "F " 0 +3
      Delete "$INSTDIR\$3"
      Goto loop
    StrCmp $2 "D " 0 loop
      RMDir "$INSTDIR\$3"
    Goto loop
  close:
  FileClose $0
  Delete "$INSTDIR\${MANIFEST}"
  done:
FunctionEnd
!macroend
!insertmacro REMOVE_MANIFEST ""
!insertmacro REMOVE_MANIFEST "un."

; ---------------------------------------------------------------------------------------------

Section "!${APPNAME}" SecApp
  SectionIn RO
  SetRegView 64
  SetShellVarContext all
  Call CloseApp
  ; Upgrade in place: remove what the previous version installed (its manifest), never more.
  Call RemoveManifest
  SetOutPath "$INSTDIR"
  !include "${PAYLOAD}\payload.nsh"
  File "/oname=${MANIFEST}" "${PAYLOAD}\${MANIFEST}"

  ; Station data per machine, shared by the packers' accounts (Users: modify), kept on upgrade.
  CreateDirectory "$DataDir"
  FileOpen $0 "$DataDir\shared-station" w
  FileWrite $0 "station data shared by every account on this PC (see install.json)$\r$\n"
  FileClose $0
  nsExec::ExecToLog 'icacls "$DataDir" /grant *S-1-5-32-545:(OI)(CI)M'
  Pop $0
  ${WordReplace} "$DataDir" "\" "\\" "+" $1
  FileOpen $0 "$INSTDIR\install.json" w
  FileWrite $0 '{"data_dir": "$1"}$\r$\n'
  FileClose $0

  ; The CLI on the machine PATH (once), so IT can run warehouse-station from any prompt.
  ReadRegStr $0 HKLM "${ENVKEY}" "Path"
  ${WordFind} "$0" "$INSTDIR" "E+1{" $1
  ${If} ${Errors}
    WriteRegExpandStr HKLM "${ENVKEY}" "Path" "$0;$INSTDIR"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
  ${EndIf}

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "$GuiArgs" "$INSTDIR\${GUI_EXE}" 0
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "$GuiArgs" "$INSTDIR\${GUI_EXE}" 0

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${REGKEY}" "DataDir" "$DataDir"
  WriteRegStr HKLM "${REGKEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${REGKEY}" "GuiArgs" "$GuiArgs"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayName" "${APPNAME_ZH} ${APPNAME}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTKEY}" "Publisher" "${COMPANY}"
  WriteRegStr HKLM "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKLM "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTKEY}" "EstimatedSize" "$0"

  ; Silent station setup: /STATION= initialises the station, /HUB= + /TOKEN= configure sync
  ; (the app stores the token itself). Nothing given: the window's first-run page asks.
  ${If} $Station != ""
    nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" init --station-id "$Station"'
    Pop $0
    DetailPrint "init $Station: exit $0"
  ${EndIf}
  ${If} $Hub != ""
  ${AndIf} $Token != ""
    nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" sync configure --hub-url "$Hub" --token "$Token" --no-check'
    Pop $0
    DetailPrint "sync configure: exit $0"
  ${EndIf}
SectionEnd

Section /o "开机自动启动 Start with Windows" SecAutostart
  SetShellVarContext all
  CreateShortcut "$SMSTARTUP\${SHORTCUT}" "$INSTDIR\${GUI_EXE}" "$GuiArgs" "$INSTDIR\${GUI_EXE}" 0
  SetRegView 64
  WriteRegStr HKLM "${REGKEY}" "Autostart" "1"
SectionEnd

; ---------------------------------------------------------------------------------------------
; /NAME=value from the command line ($R0): the text up to the next " /", quotes removed.
!macro PARAM NAME VAR
  ClearErrors
  ${WordFind2X} " $R0 /" " ${NAME}" " /" "E+1" ${VAR}
  ${If} ${Errors}
    StrCpy ${VAR} ""
  ${Else}
    ${WordReplace} "${VAR}" '"' "" "+" ${VAR}
  ${EndIf}
!macroend

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "需要 64 位 Windows。$\r$\nThis app needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ${GetParameters} $R0
  ; not GetOptions: it would cut /HUB=https://... at the first "/" of the URL
  !insertmacro PARAM "/STATION=" $Station
  !insertmacro PARAM "/HUB=" $Hub
  !insertmacro PARAM "/TOKEN=" $Token
  ; kiosk: /KIOSK (or kept from the install being upgraded) starts the window full screen
  ReadRegStr $GuiArgs HKLM "${REGKEY}" "GuiArgs"
  ClearErrors
  ${GetOptions} $R0 "/KIOSK" $0
  ${IfNot} ${Errors}
    StrCpy $GuiArgs "--kiosk"
  ${EndIf}
  ; autostart: asked now (/AUTOSTART) or kept from the install being upgraded
  ReadRegStr $1 HKLM "${REGKEY}" "Autostart"
  ClearErrors
  ${GetOptions} $R0 "/AUTOSTART" $0
  ${IfNot} ${Errors}
  ${OrIf} $1 == "1"
    SectionSetFlags ${SecAutostart} ${SF_SELECTED}
  ${EndIf}
  StrCpy $DataDir "$APPDATA\${DATADIR_NAME}"  ; all users: C:\ProgramData\WarehouseStation
FunctionEnd

Function .onInstSuccess
  ; autostart unticked (interactive) leaves no stale autostart from an earlier install
  SectionGetFlags ${SecAutostart} $0
  IntOp $0 $0 & ${SF_SELECTED}
  ${If} $0 == 0
    SetShellVarContext all
    Delete "$SMSTARTUP\${SHORTCUT}"
    SetRegView 64
    WriteRegStr HKLM "${REGKEY}" "Autostart" "0"
  ${EndIf}
FunctionEnd

; ---------------------------------------------------------------------------------------------
Function un.onInit
  SetRegView 64
  SetShellVarContext all
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $0
  ${If} ${Errors}
    StrCpy $Purge "0"
  ${Else}
    StrCpy $Purge "1"
  ${EndIf}
  ReadRegStr $DataDir HKLM "${REGKEY}" "DataDir"
FunctionEnd

Section "Uninstall"
  SetRegView 64
  SetShellVarContext all
  Call un.CloseApp
  Call un.RemoveManifest
  Delete "$INSTDIR\install.json"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only when empty: an admin's own files in the folder stay

  Delete "$DESKTOP\${SHORTCUT}"
  Delete "$SMPROGRAMS\${APPNAME}\${SHORTCUT}"
  RMDir "$SMPROGRAMS\${APPNAME}"
  Delete "$SMSTARTUP\${SHORTCUT}"

  ReadRegStr $0 HKLM "${ENVKEY}" "Path"
  ${WordReplace} "$0" ";$INSTDIR" "" "+" $1
  ${If} $1 != $0
    WriteRegExpandStr HKLM "${ENVKEY}" "Path" "$1"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
  ${EndIf}

  ; Station data stays (scans not yet synced live there) unless asked: /PURGE, or Yes below.
  ${If} $DataDir != ""
    ${If} $Purge != "1"
    ${AndIfNot} ${Silent}
      MessageBox MB_YESNO|MB_DEFBUTTON2|MB_ICONQUESTION "同时删除站点数据（$DataDir）？未同步的扫描记录将丢失。$\r$\nAlso delete the station data ($DataDir)? Scans not yet synced are lost." IDNO keep
      StrCpy $Purge "1"
    ${EndIf}
    ${If} $Purge == "1"
      RMDir /r "$DataDir"
    ${EndIf}
  ${EndIf}
  keep:
  DeleteRegKey HKLM "${UNINSTKEY}"
  DeleteRegKey HKLM "${REGKEY}"
SectionEnd
