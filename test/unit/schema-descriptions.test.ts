import 'reflect-metadata';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { DOMAIN_SUBGRAPHS } from '../../scripts/subgraphs';
import { buildIndicatorsSchema } from '../../subgraphs/indicators';

/** Types and fields that Apollo Federation or GraphQL itself adds. */
const BUILT_IN = /^(__|_Service$|_Any$|_Entity$|link__|federation__|String$|Int$|Float$|Boolean$|ID$)/;
const BUILT_IN_FIELDS = new Set(['_service', '_entities']);

/** Chinese term + English: at least one CJK character and one Latin word. */
function bilingual(text: string | null | undefined): boolean {
  return !!text && /[\u4e00-\u9fff]/.test(text) && /[A-Za-z]{2,}/.test(text);
}

function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (BUILT_IN.test(type.name)) continue;
    if (!bilingual(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (BUILT_IN_FIELDS.has(field.name)) continue;
        if (!bilingual(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!bilingual(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!bilingual(value.description)) missing.push(`${type.name}.${value.name}`);
    }
    if (isScalarType(type) && !bilingual(type.description)) missing.push(type.name);
  }
  return [...new Set(missing)];
}

/** Every subgraph of the product: the domain subgraphs of the stack, and the indicators subgraph. */
const SUBGRAPHS: Array<[string, () => Promise<GraphQLSchema>]> = [
  ...DOMAIN_SUBGRAPHS.map((s): [string, () => Promise<GraphQLSchema>] => [s.name, s.build]),
  ['indicators', buildIndicatorsSchema],
];

describe('every type, field, argument and enum value has a Chinese + English description', () => {
  test.each(SUBGRAPHS)('%s subgraph', async (_name, build) => {
    expect(undescribed(await build())).toEqual([]);
  });
});

describe('no patient identifier in any subgraph schema', () => {
  test.each(SUBGRAPHS)('%s subgraph', async (_name, build) => {
    const sdl = printSchemaWithDirectives(await build());
    expect(sdl).not.toMatch(/\b(brid|patient_?ref|mrn|psn_?no|person_?key|cert_?hash)\b/i);
  });
});
