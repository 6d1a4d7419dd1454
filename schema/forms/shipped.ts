import { indicatorCatalog } from '../catalog';
import { bindForms, parseForm } from './index';
import type { BoundRow, FormCode, FormDefinition } from './index';
import t1 from './T1.json';
import t2 from './T2.json';
import t3 from './T3.json';
import t4 from './T4.json';
import p1 from './P1.json';
import p2 from './P2.json';

/** The forms shipped with the product, one JSON document per form, imported by name. */
export const evaluationForms: readonly FormDefinition[] = [t1, t2, t3, t4, p1, p2].map(parseForm);

/** Each shipped form's rows with the catalog entry that fills them. */
export const boundForms: ReadonlyMap<FormCode, BoundRow[]> = bindForms(evaluationForms, indicatorCatalog);
