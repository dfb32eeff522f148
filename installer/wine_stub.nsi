; A stand-in for the app's executables in the Wine test of the setup (a Windows build of the app
; needs a Windows runner): records each call's command line in the station data folder; the
; "gui" stub stays running (so the setup has a running app to close), "init" leaves a station.db.
Unicode true
Target amd64-unicode
SilentInstall silent
RequestExecutionLevel user
!ifndef OUTFILE
  !error "pass -DOUTFILE=..."
!endif
OutFile "${OUTFILE}"
!include "LogicLib.nsh"
!include "WordFunc.nsh"

Section
  SetShellVarContext all
  CreateDirectory "$APPDATA\WarehouseStation"
  FileOpen $0 "$APPDATA\WarehouseStation\stub-calls.log" a
  FileSeek $0 0 END
  FileWrite $0 "$EXEFILE $CMDLINE$\r$\n"
  FileClose $0
  ${WordFind} "$CMDLINE" " init " "E+1{" $1
  ${IfNot} ${Errors}
    FileOpen $0 "$APPDATA\WarehouseStation\station.db" w
    FileWrite $0 "stub station"
    FileClose $0
  ${EndIf}
  ${If} $EXEFILE == "warehouse-station-gui.exe"
    Sleep 120000
  ${EndIf}
SectionEnd
