// When the server process dies, restart it (at most MAX_RESTARTS times in WINDOW_MS) and tell the user
// once per session, not at every restart. Past the limit, stop and say how to restart by hand.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

export class CrashRecovery implements ErrorHandler {
  private readonly restarts: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few transport errors in a row are tolerated; more means the connection is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      this.output.error(`The server stopped ${MAX_RESTARTS} times in ${WINDOW_MS / 60000} minutes; not restarting.`);
      return { action: CloseAction.DoNotRestart, message: 'The Shipshape server keeps stopping. Run "Shipshape: Show Output" for details and "Shipshape: Restart Server" to try again.' };
    }
    this.restarts.push(now);
    this.output.warn(`The server stopped unexpectedly; restarting (${this.restarts.length} in the last ${WINDOW_MS / 60000} minutes).`);
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage('The Shipshape server stopped unexpectedly and was restarted. Details are in "Shipshape: Show Output".');
    }
    return { action: CloseAction.Restart, handled: true };
  }
}
