/**
 * Ribbon command handlers (entry `commands`).
 *
 * With the shared runtime the ribbon runs in the task pane's page (the manifest's FunctionFile points at
 * Taskpane.Url, as Microsoft requires for a shared runtime), so taskpane.html loads this bundle next to the
 * functions and the pane. The ribbon's one button opens the task pane declaratively (ShowTaskpane) and
 * needs no code; buttons that run code (ExecuteFunction) register their handlers here with
 * Office.actions.associate inside Office.onReady.
 */
Office.onReady(() => {
  // No ExecuteFunction commands yet.
});
