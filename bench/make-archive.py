#!/usr/bin/env python3
"""Writes a large synthetic archive in the content/ format, for the benchmark only (never for the
site): N summaries, 60 a month, the newest month December 2025, with realistic lengths, using the
shipped taxonomy. Deterministic: the same N gives the same files."""
import os, random, re, shutil, sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
out = sys.argv[2] if len(sys.argv) > 2 else "bench/out/content"
here = os.path.dirname(os.path.abspath(__file__))
taxonomy = os.path.join(here, "..", "content", "taxonomy.yml")
text = open(taxonomy).read()
topics = re.findall(r"slug: ([a-z0-9-]+)", text.split("research_types:")[0])
types = re.findall(r"slug: ([a-z0-9-]+)", text.split("research_types:")[1])
words = ("therapy client therapist alliance outcome empathy depression anxiety trial sample effect "
         "session treatment relapse feedback group training supervision change measure study").split()
random.seed(7)
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
shutil.copy(taxonomy, os.path.join(out, "taxonomy.yml"))

def sentence(n):
    return " ".join(random.choice(words) for _ in range(n)).capitalize() + "."

per_month = 60
months = (count + per_month - 1) // per_month
first = 2025 * 12 + 11 - (months - 1)   # months counted from year 0, so the last is 2025-12
for i in range(count):
    index = first + i // per_month
    year, month = index // 12, index % 12 + 1
    folder = os.path.join(out, "summaries", str(year))
    os.makedirs(folder, exist_ok=True)
    body = "\n\n".join(" ".join(sentence(random.randint(8, 20)) for _ in range(5)) for _ in range(3))
    implications = " ".join(sentence(random.randint(8, 16)) for _ in range(4))
    chosen = random.sample(topics, random.randint(1, 4))
    with open(os.path.join(folder, f"{month:02d}-study-{i:05d}.md"), "w") as f:
        f.write(f"""---
title: "Study {i:05d}: {sentence(6)[:-1]}"
month: {year}-{month:02d}
research_type: {random.choice(types)}
topics: [{", ".join(chosen)}]
citation: "Author, A., & Writer, B. ({year}). {sentence(8)} *Journal of Practice, {random.randint(1, 60)}*({random.randint(1, 12)}), {random.randint(1, 400)}–{random.randint(401, 800)}."
doi: "10.9999/bench.{i:05d}"
studies: {random.randint(5, 300)}
---
{body}

## Practice Implications

{implications}
""")
print(f"wrote {count} summaries to {out}")
