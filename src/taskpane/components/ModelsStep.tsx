/**
 * Step 4: the models in the workbook (found through their hidden settings sheets). The open model can be
 * rebuilt in place, converted to portable formulas or removed; removing asks for a confirmation click.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { StoredSettings } from "../../planner/planModel";
import type { ListedModel } from "../actions";
import { Lang, t } from "../strings";
import { useFieldStyles } from "./fields";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ModelsStepProps {
  lang: Lang;
  models: ListedModel[] | null;
  current: StoredSettings | null;
  busy: boolean;
  onRefresh: () => void;
  onOpen: (m: ListedModel) => void;
  onRebuild: (m: StoredSettings) => void;
  onConvert: (m: StoredSettings) => void;
  onRemove: (modelKey: string) => void;
}

export function ModelsStep(p: ModelsStepProps): React.JSX.Element {
  const { lang } = p;
  const s = useStyles();
  const f = useFieldStyles();
  const [confirming, setConfirming] = React.useState<string | null>(null);
  const confirmRef = React.useRef<HTMLButtonElement | null>(null);
  React.useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const removeButtons = (key: string, testId: string, confirmId: string) =>
    confirming === key ? (
      <>
        <Button ref={confirmRef} appearance="primary" data-testid={confirmId} disabled={p.busy} onClick={() => (setConfirming(null), p.onRemove(key))}>
          {t(lang, "removeConfirm", { key })}
        </Button>
        <Button data-testid={`${confirmId}-cancel`} onClick={() => setConfirming(null)}>
          {t(lang, "cancel")}
        </Button>
      </>
    ) : (
      <Button data-testid={testId} disabled={p.busy} onClick={() => setConfirming(key)}>
        {t(lang, "remove")}
      </Button>
    );

  const cur = p.current;
  return (
    <section aria-labelledby="step4-heading" className={f.stack}>
      <h2 id="step4-heading">{t(lang, "step4")}</h2>
      {cur && (
        <div className={`${s.item} ${s.current}`} data-testid="current-model" data-model-key={cur.modelKey}>
          <Text weight="semibold">{t(lang, "currentModel", { key: cur.modelKey })}</Text>
          <Text size={200}>{t(lang, "modelSheets", { sheets: cur.sheets.join(", ") })}</Text>
          <div className={s.buttons}>
            <Button appearance="primary" data-testid="rebuild" disabled={p.busy} onClick={() => p.onRebuild(cur)}>
              {t(lang, "rebuild")}
            </Button>
            <Button data-testid="convert-portable" disabled={p.busy || cur.inputs.formulaStyle === "portable"} onClick={() => p.onConvert(cur)}>
              {t(lang, "convert")}
            </Button>
            {removeButtons(cur.modelKey, "remove-model", "remove-confirm")}
          </div>
        </div>
      )}
      <div>
        <Button data-testid="refresh-models" disabled={p.busy} onClick={p.onRefresh}>
          {t(lang, "refreshModels")}
        </Button>
      </div>
      {p.models !== null && p.models.length === 0 && <Text data-testid="no-models">{t(lang, "noModels")}</Text>}
      {p.models && p.models.length > 0 && (
        <ul className={s.list} data-testid="models-list">
          {p.models.map((m) => {
            const key = m.stored.modelKey;
            return (
              <li key={key} className={s.item} data-testid={`model-${key}`}>
                <Text weight="semibold">
                  {key}
                  {m.settings ? ` – ${m.settings.inputs.title}` : ""}
                </Text>
                <Text size={200}>{t(lang, "modelSheets", { sheets: m.stored.sheets.join(", ") })}</Text>
                {!m.settings && <Text size={200}>{t(lang, "unreadableSettings")}</Text>}
                {!m.stored.complete && (
                  <Text size={200} role="alert" data-testid={`half-written-${key}`}>
                    {t(lang, "halfWritten")}
                  </Text>
                )}
                <div className={s.buttons}>
                  {m.settings && (
                    <>
                      <Button data-testid={`open-model-${key}`} disabled={p.busy} onClick={() => p.onOpen(m)}>
                        {t(lang, "open")}
                      </Button>
                      <Button data-testid={`rebuild-model-${key}`} disabled={p.busy} onClick={() => p.onRebuild(m.settings!)}>
                        {t(lang, m.stored.complete ? "rebuild" : "repair")}
                      </Button>
                      <Button
                        data-testid={`convert-model-${key}`}
                        disabled={p.busy || m.settings.inputs.formulaStyle === "portable"}
                        onClick={() => p.onConvert(m.settings!)}
                      >
                        {t(lang, "convert")}
                      </Button>
                    </>
                  )}
                  {(!cur || cur.modelKey !== key) && removeButtons(key, `remove-model-${key}`, `remove-confirm-${key}`)}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
