/**
 * Entry of the browser playground (webpack.playground.config.js → dist-playground/). The task pane is the
 * add-in's own App, unchanged, given a PlaygroundHost instead of the Office host.
 *
 * URL options: ?lang=en (page and pane language), ?sample=<id> (which sample workbook opens first).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import React from "react";
import { createRoot } from "react-dom/client";
import { App } from "../src/taskpane/App";
import { Page, PaneComponent } from "./Page";
import { playgroundSamples } from "./samples";
import type { Language } from "./text";

const params = new URLSearchParams(window.location.search);
const language: Language = params.get("lang") === "en" ? "en" : "sv";
const samples = playgroundSamples();
const initialSample = params.get("sample") ?? undefined;

// The add-in's own task pane, unchanged: only its host differs.
const Pane: PaneComponent = ({ host, language }) => <App host={host} language={language} theme="light" />;

createRoot(document.getElementById("root")!).render(
  <React.StrictMode>
    <FluentProvider theme={webLightTheme}>
      <Page samples={samples} Pane={Pane} initialLanguage={language} initialSample={initialSample} />
    </FluentProvider>
  </React.StrictMode>,
);
