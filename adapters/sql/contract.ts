import { dialectOf } from './dialect';
import type { DialectName } from './dialect';

/**
 * A legacy table exactly as `shared/legacy-systems.md` defines it. The DDL built from it is used
 * by tests and the demo only; it is never run against a configured source.
 */
export interface ColumnSpec {
  readonly name: string;
  /** MySQL type as written in the contract, e.g. `CHAR(14)`, `DECIMAL(12,2)`, `DATETIME`. */
  readonly type: string;
}

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly primaryKey?: readonly string[];
  /** Secondary indexes the legacy systems are known to have (we never add any to a real source). */
  readonly indexes?: ReadonlyArray<readonly string[]>;
}

function sqliteType(mysqlType: string): string {
  const t = mysqlType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INT|BIGINT)/.test(t)) return 'INTEGER';
  if (/^DECIMAL/.test(t)) return 'NUMERIC';
  return 'TEXT';
}

/** CREATE TABLE (and CREATE INDEX) statements for one dialect. */
export function tableDdl(table: TableSpec, dialect: DialectName): string[] {
  const q = dialectOf(dialect).quote;
  // Real legacy data holds NULL and '' alike for "unknown": only key columns are NOT NULL.
  const keys = new Set(table.primaryKey ?? []);
  const cols = table.columns.map(
    (c) =>
      `  ${q(c.name)} ${dialect === 'mysql' ? c.type : sqliteType(c.type)}${keys.has(c.name) ? ' NOT NULL' : ' NULL'}`,
  );
  if (table.primaryKey?.length) cols.push(`  PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`);
  const suffix = dialect === 'mysql' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4' : '';
  const statements = [`CREATE TABLE ${q(table.name)} (\n${cols.join(',\n')}\n)${suffix}`];
  (table.indexes ?? []).forEach((columns, i) => {
    statements.push(
      `CREATE INDEX ${q(`ix_${table.name}_${i + 1}`)} ON ${q(table.name)} (${columns.map(q).join(', ')})`,
    );
  });
  return statements;
}

export function schemaDdl(tables: readonly TableSpec[], dialect: DialectName): string[] {
  return tables.flatMap((t) => tableDdl(t, dialect));
}
