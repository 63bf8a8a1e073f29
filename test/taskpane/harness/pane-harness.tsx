/**
 * The real task pane (App) on the real Excel host (OfficeHost) over the fake Excel, bundled for a browser.
 * The test page's URL sets the language and theme; window.__excel exposes the fake workbook to the test.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "../../../src/taskpane/App";
import { OfficeHost } from "../../../src/host/office";
import { FakeExcel } from "../../host/fake-excel";
import { BUDGET_SHEET, budgetBook } from "../budget-fixture";

const params = new URLSearchParams(location.search);
const excel = new FakeExcel(budgetBook());
const w = window as unknown as Record<string, unknown>;
w.__excel = excel;
w.__select = (address: string) => {
  excel.state.selection = { sheet: BUDGET_SHEET, address };
};
w.__snapshot = () => excel.snapshot();

const host = new OfficeHost(excel.run);

/** Like the playground's page language menu: window.__setLanguage("en") changes the App's language prop. */
function Harness(): React.JSX.Element {
  const [language, setLanguage] = React.useState<"sv" | "en">(params.get("lang") === "en" ? "en" : "sv");
  w.__setLanguage = setLanguage;
  return <App host={host} language={language} theme={params.get("theme") === "dark" ? "dark" : "light"} />;
}

createRoot(document.getElementById("root")!).render(<Harness />);
