/** A GraphQL name, `$variable`, `input.path[0]` or type reference such as `[String!]!`. */
const NAME_LIKE = /^[$_A-Za-z[][\w.[\]!$]{0,99}$/;
const BLOCK_STRING = /"""[\s\S]*?"""/g;
const STRING = /"(?:[^"\\\n]|\\.)*"/g;
/** A syntax error's last token, quoted raw (`found String "<value as written>".`). */
const SYNTAX_TOKEN = /\b(String|BlockString) "[\s\S]*"(\.?)$/;

/**
 * graphql-js quotes the offending input in its own error messages: a variable's value
 * (`Variable "$i" got invalid value { files: [{ text: "…" }] }`), a literal
 * (`Expected value of type "Int", found "…"`) or a token of a query that does not parse. A
 * snapshot's text may hold a Secret, whose values are never echoed (README "Secrets"), so every
 * quoted string that is not a name, path or type is replaced by "…": what is wrong stays said.
 */
export function redactInputValues(message: string): string {
  return message
    .replace(SYNTAX_TOKEN, '$1 "…"$2')
    .replace(BLOCK_STRING, '"…"')
    .replace(STRING, (quoted) => (NAME_LIKE.test(quoted.slice(1, -1)) ? quoted : '"…"'));
}
