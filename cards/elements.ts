import type { Verb } from './verbs';

/** The Adaptive Card elements the desk's typed card builders use, with the properties they set. */

export type TextColor = 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type Spacing = 'None' | 'Small' | 'Medium';

/** An option of a choice set (also the desk's title-and-value pairs, like facts). */
export interface Choice {
  title: string;
  value: string;
}

/** An element another can show and hide (Action.ToggleVisibility): its id, and hidden at first when `isVisible` is false. */
interface Toggled {
  id?: string;
  isVisible?: false;
}

export interface TextBlock extends Toggled {
  type: 'TextBlock';
  text: string;
  color?: TextColor;
  weight?: 'Bolder';
  size?: 'Small' | 'Large';
  isSubtle?: boolean;
  wrap: true;
  maxLines?: number;
  spacing?: Spacing;
  separator?: boolean;
}

export interface Container extends Toggled {
  type: 'Container';
  style?: ContainerStyle;
  bleed?: boolean;
  separator?: boolean;
  spacing?: Spacing;
  items: CardElement[];
}

export interface Column {
  type: 'Column';
  /** A keyword, or a weight relative to the other columns. */
  width: 'stretch' | 'auto' | number;
  style?: ContainerStyle;
  minHeight?: string;
  verticalContentAlignment?: 'Center';
  items: CardElement[];
}

export interface ColumnSet {
  type: 'ColumnSet';
  spacing?: Spacing;
  columns: Column[];
}

export interface FactSet {
  type: 'FactSet';
  facts: Choice[];
}

export interface ActionSet extends Toggled {
  type: 'ActionSet';
  spacing?: Spacing;
  actions: CardAction[];
}

/** What an input may say when it is left empty or filled in wrongly. */
interface Validated {
  isRequired?: true;
  errorMessage?: string;
}

export interface TextInput extends Validated {
  type: 'Input.Text';
  id: string;
  label: string;
  value?: string;
  style?: 'Tel' | 'Email';
  isMultiline?: true;
  maxLength: number;
}

export interface NumberInput extends Validated {
  type: 'Input.Number';
  id: string;
  label: string;
  value?: number;
  min: number;
}

export interface DateInput extends Validated {
  type: 'Input.Date';
  id: string;
  label: string;
  value?: string;
  min?: string;
}

export interface ChoiceSetInput extends Validated {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  value?: string;
  placeholder?: string;
  isMultiSelect?: true;
  style: 'compact' | 'expanded';
  choices: Choice[];
}

export type CardInput = TextInput | NumberInput | DateInput | ChoiceSetInput;
export type CardElement = TextBlock | Container | ColumnSet | FactSet | ActionSet | CardInput;

/** Action data: ids and flags the handler of the verb reads. */
export type ActionData = Record<string, string | boolean>;

export interface ExecuteAction {
  type: 'Action.Execute';
  title?: string;
  style?: 'positive' | 'destructive';
  verb: Verb;
  /** "none": the button sends no input of the card, so no form's validation stops it. */
  associatedInputs?: 'none';
  data: ActionData;
}

/** A button that opens a card of its own below the card (a form, as the desk uses it). */
export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions: CardAction[] };
}

/** A button that shows the hidden elements it names and hides the shown ones, in place. */
export interface ToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
}

export type CardAction = ExecuteAction | ShowCardAction | ToggleVisibilityAction;

/** `items` when `condition` holds, else nothing: for spreading an optional part into a list. */
export function when<T>(condition: boolean, ...items: T[]): T[] {
  return condition ? items : [];
}

/** `{ value }` unless there is none: a form's input starts empty then. */
export function valueOf<T extends string | number>(value: T | null): { value?: T } {
  return value === null ? {} : { value };
}

/** A bold line that titles a form or a part of one. */
export function heading(text: string): TextBlock {
  return { type: 'TextBlock', text, weight: 'Bolder', wrap: true };
}

/** A column of a form's row: `width` a keyword, `items` what it holds. */
export function column(width: Column['width'], ...items: CardElement[]): Column {
  return { type: 'Column', width, items };
}

/** Columns side by side: inputs that belong together on one row. */
export function columnSet(...cells: Column[]): ColumnSet {
  return { type: 'ColumnSet', columns: cells };
}
