import ts from 'typescript';

/** What a hand-written Kysely column type says, as the schema test compares it with the catalog. */
export type TypedColumn = {
  table: string;
  name: string;
  /** the kinds of the non-null part of the select type: string, number, boolean, Date, string[], json, unknown */
  kinds: string[];
  nullable: boolean;
  /** the string literals of a literal union (`'lead' | 'co'`), else null */
  literals: string[] | null;
  /** insertable without a value (Generated<…>, or an insert type that admits undefined) */
  generated: boolean;
};

/**
 * Reads the `Schema` type of src/storage/schema.ts with the TypeScript checker: every table, every
 * column, and of each column the select type (ColumnType's first argument) and whether insert may omit it.
 */
export function readKyselySchema(file: string, typeName = 'Schema'): TypedColumn[] {
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const alias = source.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === typeName,
  );
  if (!alias) throw new Error(`${file} declares no type ${typeName}`);

  const propType = (owner: ts.Type, name: string) => {
    const p = owner.getProperty(name);
    return p ? checker.getTypeOfSymbolAtLocation(p, alias) : undefined;
  };
  const members = (t: ts.Type) => (t.isUnion() ? t.types : [t]);
  const kindOf = (t: ts.Type): string => {
    if (t.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) return 'string';
    if (t.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return 'number';
    if (t.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return 'boolean';
    if (t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return 'unknown';
    if (checker.isArrayType(t)) {
      const [element] = checker.getTypeArguments(t as ts.TypeReference);
      return element && members(element).every((m) => kindOf(m) === 'string') ? 'string[]' : 'json';
    }
    if (t.getSymbol()?.getName() === 'Date') return 'Date';
    return 'json';
  };

  const columns: TypedColumn[] = [];
  const schema = checker.getTypeAtLocation(alias.name);
  for (const table of checker.getPropertiesOfType(schema)) {
    const tableType = checker.getTypeOfSymbolAtLocation(table, alias);
    for (const column of checker.getPropertiesOfType(tableType)) {
      const declared = checker.getTypeOfSymbolAtLocation(column, alias);
      // ColumnType<S, I, U> is an object of phantom fields; `Timestamp | null` is a union with one
      const side = (field: string) => members(declared).flatMap((m) => members(propType(m, field) ?? m));
      const parts = side('__select__');
      const present = parts.filter((m) => !(m.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
      const literals = present.every((m) => m.isStringLiteral())
        ? present.map((m) => (m as ts.StringLiteralType).value).sort()
        : null;
      columns.push({
        table: table.getName(),
        name: column.getName(),
        kinds: [...new Set(present.map(kindOf))].sort(),
        nullable: parts.length !== present.length,
        literals: literals?.length ? literals : null,
        generated: side('__insert__').some((m) => m.flags & ts.TypeFlags.Undefined),
      });
    }
  }
  return columns;
}
