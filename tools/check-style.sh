#!/usr/bin/env bash
# The house style, checked as CI checks it: `dotnet format` finds nothing to change (.editorconfig),
# and no line of C# or Razor outside generated code (migrations, the compiled model) is over 140 characters. An interface
# text keeps its whole sentence as its key (T["..."], T.Plural(n, "...", "...")), so a translator
# finds it as one: the line is measured without those texts.
set -uo pipefail
cd "$(dirname "$0")/.."
failed=0

long=$(find src tests -type f \( -name '*.cs' -o -name '*.cshtml' \) \
    -not -path '*/obj/*' -not -path '*/bin/*' -not -path '*/Data/Migrations/*' -not -path '*/Data/CompiledModel/*' -print0 \
    | xargs -0 awk '{ line = $0; gsub(/[Tt]\["([^"\\]|\\.)*"/, "T[\"\"", line)
                      if (line ~ /Plural\(/) gsub(/"([^"\\]|\\.)*"/, "\"\"", line) }
        length(line) > 140 { printf "%s:%d: %d characters\n", FILENAME, FNR, length(line) }')
if [ -n "$long" ]; then
    echo "Lines over 140 characters:"
    echo "$long"
    failed=1
fi

if ! dotnet format PPRNet.sln --verify-no-changes --no-restore --verbosity quiet; then
    echo "dotnet format would change the files above; run: dotnet format PPRNet.sln"
    failed=1
fi

exit $failed
