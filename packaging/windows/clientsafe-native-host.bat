@echo off
rem Started by Chrome, Edge or Firefox for native messaging (manifests in native-messaging\).
"%~dp0clientsafe.exe" native-host %*
