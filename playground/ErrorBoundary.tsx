/**
 * Keeps one part of the page (the grid, the pane) from taking the page down with it: an exception while
 * rendering shows a bilingual message in that part's place, the rest of the page keeps working, and the
 * part is drawn again when `resetKey` changes (another workbook) or on "Try again".
 */
import React from "react";
import type { Bilingual, Language } from "./text";

interface Props {
  language: Language;
  /** What failed, in both languages (e.g. "The workbook"). */
  what: Bilingual;
  resetKey: unknown;
  children: React.ReactNode;
}

interface State {
  error: Error | null;
  key: unknown;
}

export class ErrorBoundary extends React.Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { language, what } = this.props;
    const other: Language = language === "sv" ? "en" : "sv";
    const text: Bilingual = {
      sv: `${what.sv} kunde inte visas: ${error.message}. Resten av sidan fungerar; välj en exempelarbetsbok eller öppna en annan fil, eller försök igen.`,
      en: `${what.en} could not be shown: ${error.message}. The rest of the page works; choose a sample workbook or open another file, or try again.`,
    };
    return (
      <div className="pg-message pg-error" role="alert" data-testid="render-error">
        <p lang={language}>{text[language]}</p>
        <p lang={other} className="pg-other-lang">
          {text[other]}
        </p>
        <button type="button" className="pg-retry" onClick={() => this.setState({ error: null })} data-testid="render-error-retry">
          {language === "sv" ? "Försök igen" : "Try again"}
        </button>
      </div>
    );
  }
}
