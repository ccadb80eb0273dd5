/**
 * Fills the `{name}` placeholders of an interface string with `vars`, leaving unknown ones as written. Its
 * own module, so that the browser scripts, which get their strings from data attributes, fill them as
 * `t()` does without loading the dictionary.
 */
export function fillTemplate(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
