import { toolCategories } from '../../../../schemas/expressions.js';
import { MoneyField, Select, TextField } from '../../components/forms.js';
import { useLocale } from '../../i18n.js';

/** The tool categories, as the API's schema names them. */
export const CATEGORIES = toolCategories;

/** One tool of an expression of interest as typed: its cost is the input's text until sent. */
export interface ToolRow {
  category: string;
  description: string;
  cost: string;
}

export const emptyTool = (): ToolRow => ({ category: 'siem', description: '', cost: '' });

/** The tools an expression of interest asks for: category, description and cost each, added and removed. */
export function ToolRows({
  tools,
  onTools,
  editable,
  error,
}: {
  tools: ToolRow[];
  onTools: (change: (tools: ToolRow[]) => ToolRow[]) => void;
  editable: boolean;
  error: (path: string) => string | undefined;
}) {
  const { t } = useLocale();
  const setTool = (i: number, patch: Partial<ToolRow>) =>
    onTools((all) => all.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <>
      {tools.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows are the form's own, in order
        <fieldset key={i} className="tool-row">
          <legend className="ecl-form-label">{t('expression.tool', { n: i + 1 })}</legend>
          <Select
            id={`tool-${i}-category`}
            label={t('expression.category')}
            size="m"
            value={row.category}
            onChange={(category) => setTool(i, { category })}
          >
            {CATEGORIES.map((k) => (
              <option key={k} value={k}>
                {t(`expression.categories.${k}`)}
              </option>
            ))}
          </Select>
          <TextField
            id={`tool-${i}-description`}
            label={t('expression.description')}
            size="l"
            value={row.description}
            onChange={(description) => setTool(i, { description })}
            error={error(`/tools/${i}/description`)}
          />
          <MoneyField
            id={`tool-${i}-cost`}
            label={t('expression.cost')}
            text={row.cost}
            onText={(cost) => setTool(i, { cost })}
            error={error(`/tools/${i}/estimatedCostCents`)}
          />
          {editable && tools.length > 1 ? (
            <button
              type="button"
              className="ecl-button ecl-button--ghost ecl-u-mb-s"
              onClick={() => onTools((all) => all.filter((_, j) => j !== i))}
            >
              {t('expression.removeTool', { n: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      {editable ? (
        <button
          type="button"
          className="ecl-button ecl-button--secondary ecl-u-mb-m"
          onClick={() => onTools((all) => [...all, emptyTool()])}
        >
          {t('expression.addTool')}
        </button>
      ) : null}
    </>
  );
}
