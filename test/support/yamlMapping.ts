/**
 * Reads the YAML that azure.yaml uses: nested mappings of plain or quoted scalars, with
 * comments. Lists, anchors and multi-line scalars are errors naming the line, so a file this
 * reader cannot follow fails a test instead of being misread.
 */

/** A YAML mapping: scalars as strings, nested mappings as objects. */
export interface YamlMapping {
  [key: string]: string | YamlMapping;
}

export function parseYamlMapping(text: string, where: string): YamlMapping {
  const root: YamlMapping = {};
  // The mappings open at each indentation, innermost last.
  const stack: { indent: number; mapping: YamlMapping }[] = [{ indent: -1, mapping: root }];
  let pendingKey: { key: string; indent: number; parent: YamlMapping } | undefined;
  text.split('\n').forEach((raw, index) => {
    const fail = (message: string): never => {
      throw new Error(`${where}:${index + 1}: ${message}`);
    };
    const content = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (content.trim() === '') return;
    if (content.includes('\t')) fail('tabs are not YAML indentation');
    const indent = content.length - content.trimStart().length;
    const match = /^([A-Za-z0-9_.-]+):(?:\s+(.*))?$/.exec(content.trim());
    if (!match) fail(`expected "key: value", not ${JSON.stringify(content.trim())}`);
    const [, key, value] = match as RegExpExecArray;
    if (pendingKey) {
      if (indent <= pendingKey.indent) fail(`${pendingKey.key} has no value`);
      const child: YamlMapping = {};
      pendingKey.parent[pendingKey.key] = child;
      stack.push({ indent, mapping: child });
      pendingKey = undefined;
    }
    while (indent < stack[stack.length - 1].indent) stack.pop();
    const top = stack[stack.length - 1];
    if (indent !== top.indent && top.indent !== -1) fail('indentation does not match an enclosing key');
    if (top.indent === -1) top.indent = indent;
    if (key in top.mapping) fail(`${key} appears twice`);
    if (value === undefined || value === '') {
      pendingKey = { key, indent, parent: top.mapping };
      return;
    }
    if (/^[[{&*|>!-]/.test(value)) fail(`${key}: only plain or quoted scalars are read here`);
    top.mapping[key] = /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
  });
  if (pendingKey) throw new Error(`${where}: ${pendingKey.key} has no value`);
  return root;
}
