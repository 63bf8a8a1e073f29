/**
 * Labelled inputs for numbers and lists typed the Swedish or English way. Each keeps the text as typed
 * (so "3," can become "3,5"), commits the parsed value, and explains a value it cannot read next to the
 * field (Fluent's Field ties label, hint and message to the input for screen readers).
 *
 * Every number, list and required choice field also registers itself (label, what it shows, whether that can
 * be used, a warning) in the pane's FieldRegistry (fieldChecks.ts), given by FieldRegistryContext: the Build
 * step refuses while any field cannot be used, names it and moves the focus to it, so a model is never built
 * from a value other than the one a field shows. A field bounded as a discount rate (RATE_BOUNDS) warns when
 * the rate is implausible (rateWarning).
 */
import * as React from "react";
import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { Lang, t } from "../strings";
import { listText, parseNumber, parseNumberList, percentText } from "../format";
import { Bounds, RATE_BOUNDS, describeBounds, withinBounds } from "../../core/bounds";
import { FieldRegistry, rateWarning } from "../fieldChecks";

/** The pane's field registry (App provides it); without one, fields simply do not register. */
export const FieldRegistryContext = React.createContext<FieldRegistry | null>(null);

/**
 * Registers a field in the pane's registry while it is on screen: its label, the text it shows, why that
 * text cannot be used (null when it can) and a warning. `target` is the element that takes the focus.
 */
export function useFieldRegistration(
  label: string,
  shownText: string,
  problem: string | null,
  warning: string | null,
  target: React.RefObject<HTMLElement | null>,
): void {
  const registry = React.useContext(FieldRegistryContext);
  const id = React.useId();
  React.useEffect(() => {
    registry?.set({
      id,
      label,
      shown: shownText,
      problem,
      warning,
      element: () => target.current,
      focus: () => {
        const el = target.current;
        if (!el) return;
        el.scrollIntoView({ block: "center" });
        el.focus();
      },
    });
  }, [registry, id, label, shownText, problem, warning, target]);
  React.useEffect(() => () => registry?.remove(id), [registry, id]);
}

/** Whether a field's bounds make it a discount rate (the rate field and the per-year rates). */
const isRate = (b: Bounds | undefined) => b === RATE_BOUNDS;

/** The Field props for an error (which wins) or a warning under the input. */
function validation(error: string | null, warning: string | null): { validationMessage?: string; validationState: "error" | "warning" | "none" } {
  if (error) return { validationMessage: error, validationState: "error" };
  if (warning) return { validationMessage: warning, validationState: "warning" };
  return { validationState: "none" };
}

export const useFieldStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
  // Two fields side by side in the usual 320–350 px pane, a third wraps; fields never push the pane wider.
  grow: { flexGrow: 1, flexShrink: 1, flexBasis: "140px", minWidth: 0 },
  fill: { width: "100%", minWidth: 0, maxWidth: "100%" },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

function shown(value: number | null, lang: Lang, percent: boolean): string {
  if (value === null) return "";
  return percent ? percentText(value, lang) : lang === "sv" ? String(value).replace(".", ",") : String(value);
}

export interface NumberFieldProps {
  label: string;
  lang: Lang;
  value: number | null;
  onCommit: (v: number | null) => void;
  testId: string;
  /** Shown as share × 100 and read back ÷ 100. */
  percent?: boolean;
  /** Empty input allowed (commits null). */
  allowEmpty?: boolean;
  integer?: boolean;
  min?: number;
  max?: number;
  /** Bounds on the value committed (a share for a percent field), e.g. the discount rate's RATE_BOUNDS. */
  bounds?: Bounds;
  hint?: string;
  disabled?: boolean;
}

export function NumberField(p: NumberFieldProps): React.JSX.Element {
  const f = useFieldStyles();
  const [text, setText] = React.useState(() => shown(p.value, p.lang, !!p.percent));
  const [error, setError] = React.useState<string | null>(null);
  const input = React.useRef<HTMLInputElement | null>(null);
  const warning = !error && p.value !== null && isRate(p.bounds) ? rateWarning(p.value, p.lang) : null;
  useFieldRegistration(p.label, text, p.disabled ? null : error, p.disabled ? null : warning, input);
  // A value changed from outside (a template, an opened model, the language) replaces what is shown,
  // unless it is what the text already says.
  React.useEffect(() => {
    const parsed = parseNumber(text, p.lang);
    const current = parsed === null ? null : p.percent ? parsed / 100 : parsed;
    if (current === null ? p.value !== null : p.value === null || Math.abs(current - p.value) > 1e-12) {
      setText(shown(p.value, p.lang, !!p.percent));
      setError(null);
    }
  }, [p.value, p.lang]);

  const commit = (raw: string) => {
    setText(raw);
    if (raw.trim() === "") {
      if (p.allowEmpty) {
        setError(null);
        p.onCommit(null);
      } else setError(t(p.lang, "invalidNumber"));
      return;
    }
    const x = parseNumber(raw, p.lang);
    if (x === null || (p.integer && !Number.isInteger(x))) {
      setError(t(p.lang, p.integer ? "invalidInteger" : "invalidNumber"));
      return;
    }
    if ((p.min !== undefined && x < p.min) || (p.max !== undefined && x > p.max)) {
      setError(t(p.lang, "allowedRange", { min: p.min ?? "…", max: p.max ?? "…" }));
      return;
    }
    const value = p.percent ? x / 100 : x;
    if (p.bounds && !withinBounds(value, p.bounds)) {
      setError(t(p.lang, "allowedBounds", { range: describeBounds(p.bounds, p.lang, !!p.percent) }));
      return;
    }
    setError(null);
    p.onCommit(value);
  };

  return (
    <Field label={p.label} hint={p.hint} {...validation(error, warning)}>
      <Input
        ref={input}
        className={f.fill}
        value={text}
        inputMode="decimal"
        disabled={p.disabled}
        data-testid={p.testId}
        contentAfter={p.percent ? <span aria-hidden="true">%</span> : undefined}
        onChange={(_, d) => commit(d.value)}
      />
    </Field>
  );
}

export interface NumberListFieldProps {
  label: string;
  lang: Lang;
  value: readonly number[];
  onCommit: (v: number[]) => void;
  testId: string;
  percent?: boolean;
  /** Bounds on each value committed (see NumberField). */
  bounds?: Bounds;
  hint?: string;
}

export function NumberListField(p: NumberListFieldProps): React.JSX.Element {
  const f = useFieldStyles();
  const render = () => listText(p.value, p.lang, !!p.percent);
  const [text, setText] = React.useState(render);
  const [error, setError] = React.useState<string | null>(null);
  const input = React.useRef<HTMLInputElement | null>(null);
  const warning = !error && isRate(p.bounds) ? (p.value.map((x) => rateWarning(x, p.lang)).find((w) => w !== null) ?? null) : null;
  useFieldRegistration(p.label, text, error, warning, input);
  React.useEffect(() => {
    const parsed = parseNumberList(text, p.lang);
    const now = parsed && (p.percent ? parsed.map((x) => x / 100) : parsed);
    const same = now && now.length === p.value.length && now.every((x, i) => Math.abs(x - p.value[i]) < 1e-12);
    if (!same) {
      setText(render());
      setError(null);
    }
  }, [p.value, p.lang]);
  return (
    <Field label={p.label} hint={p.hint} {...validation(error, warning)}>
      <Input
        ref={input}
        className={f.fill}
        value={text}
        data-testid={p.testId}
        onChange={(_, d) => {
          setText(d.value);
          const xs = parseNumberList(d.value, p.lang);
          if (!xs) return setError(t(p.lang, "invalidList"));
          const values = p.percent ? xs.map((x) => x / 100) : xs;
          const b = p.bounds;
          if (b && values.some((x) => !withinBounds(x, b))) return setError(t(p.lang, "allowedBounds", { range: describeBounds(b, p.lang, !!p.percent) }));
          setError(null);
          p.onCommit(values);
        }}
      />
    </Field>
  );
}

export interface SelectFieldProps<V extends string> {
  label: string;
  value: V | "";
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (v: V) => void;
  testId: string;
  hint?: string;
  placeholder?: string;
  disabled?: boolean;
  /** A choice must be made: no value ("") stops the build, naming this field, with this message under it. */
  required?: string;
}

export function SelectField<V extends string>(p: SelectFieldProps<V>): React.JSX.Element {
  const f = useFieldStyles();
  const select = React.useRef<HTMLSelectElement | null>(null);
  const missing = p.required !== undefined && !p.disabled && p.value === "" ? p.required : null;
  useFieldRegistration(p.label, p.value === "" ? "" : (p.options.find((o) => o.value === p.value)?.label ?? p.value), missing, null, select);
  return (
    <Field label={p.label} hint={p.hint} {...validation(missing, null)}>
      <Select ref={select} className={f.fill} value={p.value} disabled={p.disabled} data-testid={p.testId} onChange={(_, d) => p.onChange(d.value as V)}>
        {p.placeholder !== undefined && (
          <option value="" disabled>
            {p.placeholder}
          </option>
        )}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function TextField(p: { label: string; value: string; onChange: (v: string) => void; testId: string; hint?: string }): React.JSX.Element {
  const f = useFieldStyles();
  return (
    <Field label={p.label} hint={p.hint}>
      <Input className={f.fill} value={p.value} data-testid={p.testId} onChange={(_, d) => p.onChange(d.value)} />
    </Field>
  );
}
