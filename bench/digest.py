"""Driver of bench/digest.sh: smtp4dev, the published site, N subscribers, one digest sent.

Subscribers are written straight into the site's database (a third want every topic, the rest two
of the month's topics, so that every one of them gets a digest filtered to their topics), then an admin signs in and presses "send" as an editor would; the clock starts at
the click. Everything listens on 127.0.0.1 only and stops by itself.
"""
import http.cookiejar, json, os, random, re, signal, socket, sqlite3, subprocess, sys, tempfile, time, urllib.parse, urllib.request, uuid

app_dir, count = sys.argv[1], int(sys.argv[2])
root = os.getcwd()
work = tempfile.mkdtemp(prefix="pprnet-digest-bench-")
database = os.path.join(work, "bench.db")
email, password = "bench-admin@example.org", "correct horse battery staple"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except FileNotFoundError:
        return float("nan")


def peak_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return float("nan")


smtp_port, smtp_web, site_port = free_port(), free_port(), free_port()
smtp = subprocess.Popen(
    ["dotnet", "tool", "run", "smtp4dev", "--", f"--urls=http://127.0.0.1:{smtp_web}", f"--smtpport={smtp_port}", "--db=",
     f"--imapport={free_port()}", f"--pop3port={free_port()}", "--nousersettings", f"--messagestokeep={count + 100}", "--sessionstokeep=10"],
    cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "DOTNET_ROLL_FORWARD": "Major"}, start_new_session=True)
site = None
try:
    wait_http(f"http://127.0.0.1:{smtp_web}/api/messages")
    env = {**os.environ,
           "ASPNETCORE_ENVIRONMENT": "Production", "ConnectionStrings__Blog": f"Data Source={database}",
           "Content__Path": os.path.join(root, "content"), "Site__BaseUrl": "https://blog.example.org",
           "Serilog__MinimumLevel__Default": "Warning", "PPRNET_ADMIN_PASSWORD": password,
           "Smtp__Host": "127.0.0.1", "Smtp__Port": str(smtp_port), "Smtp__StartTls": "false",
           "Mail__MessagesPerMinute": "1000000", "Mail__PollSeconds": "1"}
    dll = os.path.join(app_dir, "PPRNet.Web.dll")
    subprocess.run(["dotnet", dll, "import", os.path.join(root, "content")], cwd=app_dir, env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["dotnet", dll, "create-admin", "--email", email], cwd=app_dir, env=env, check=True, stdout=subprocess.DEVNULL)

    db = sqlite3.connect(database)
    month = db.execute("SELECT Month FROM Summaries WHERE Status = 'Published' AND DeletedAt IS NULL ORDER BY Month DESC LIMIT 1").fetchone()[0]
    # Chosen among the month's own topics, so that every subscriber gets the digest.
    topics = [row[0] for row in db.execute(
        "SELECT DISTINCT st.TopicsId FROM SummaryTopics st JOIN Summaries s ON s.Id = st.SummariesId WHERE s.Month = ? AND s.Status = 'Published'", (month,))]
    random.seed(42)
    rows, links = [], []
    for i in range(count):
        address = f"reader{i:05d}@bench.example"
        all_topics = i % 3 == 0
        rows.append((i + 1, str(uuid.uuid4()).upper(), address, address.upper(), "Confirmed", int(all_topics), "BENCH", 0, 0, "/subscribe", "bench", 0, 0))
        if not all_topics:
            links.extend((i + 1, t) for t in random.sample(topics, min(2, len(topics))))
    db.executemany("INSERT INTO Subscribers (Id, Key, Email, NormalizedEmail, Status, AllTopics, ConfirmStamp, CreatedAt, ConsentAt, ConsentPage, ConsentWording, ConfirmedAt, UpdatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO SubscriberTopics (SubscriberId, TopicId) VALUES (?,?)", links)
    db.commit()

    site = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{site_port}"], cwd=app_dir, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{site_port}"
    wait_http(base + "/healthz")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def form_token(path):
        page = browser.open(base + path).read().decode()
        return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)

    def post(path, fields):
        try:
            return browser.open(base + path, urllib.parse.urlencode(fields).encode())
        except urllib.error.HTTPError as redirect:
            return redirect

    post("/admin/sign-in", {"__RequestVerificationToken": form_token("/admin/sign-in"), "Form.Email": email, "Form.Password": password})
    send_page = browser.open(f"{base}/admin/digests/{month}/send").read().decode()
    recipients = int(re.search(r"Yes, send to (\d+) subscriber", send_page).group(1))
    token = form_token(f"/admin/digests/{month}/send")

    children = subprocess.run(["pgrep", "-f", f"smtpport={smtp_port}"], capture_output=True, text=True).stdout.split()
    site_cpu, smtp_cpu = cpu_seconds(site.pid), sum(cpu_seconds(int(p)) for p in children)
    started = time.time()
    post(f"/admin/digests/{month}/send", {"__RequestVerificationToken": token})
    queued = time.time() - started
    while True:
        sent, left = db.execute("SELECT SUM(Status = 'Sent'), SUM(Status = 'Queued') FROM Outbox WHERE Kind = 'Digest'").fetchone()
        if left == 0:
            break
        time.sleep(0.25)
    finished = time.time() - started
    arrived = json.load(urllib.request.urlopen(f"http://127.0.0.1:{smtp_web}/api/messages?pageSize=1"))["rowCount"]
    skipped = db.execute("SELECT COUNT(*) FROM Outbox WHERE Kind = 'Digest' AND Status = 'Skipped'").fetchone()[0]
    print(f"# Digest benchmark: {count:,} confirmed subscribers, month {month}")
    print()
    print(f"| what | figure |")
    print(f"| --- | --- |")
    print(f"| recipients whose topics match the month | {recipients:,} |")
    print(f"| queue (the editor's click: one transaction, one INSERT ... SELECT) | {queued:.2f} s |")
    print(f"| queue and send all over SMTP (click to last message accepted) | {finished:.1f} s |")
    print(f"| throughput | {sent / max(finished - queued, 0.001):,.0f} messages/s |")
    print(f"| sent / skipped / received by smtp4dev | {sent:,} / {skipped:,} / {arrived:,} |")
    print(f"| CPU time during the send: site / smtp4dev | {cpu_seconds(site.pid) - site_cpu:.1f} s / {sum(cpu_seconds(int(p)) for p in children) - smtp_cpu:.1f} s |")
    print(f"| peak RSS of the site (VmHWM) | {peak_rss_mib(site.pid):.0f} MiB |")
    print(f"| peak RSS of smtp4dev | {max((peak_rss_mib(int(p)) for p in children), default=float('nan')):.0f} MiB |")
finally:
    if site:
        site.send_signal(signal.SIGTERM)
        site.wait(30)
    os.killpg(smtp.pid, signal.SIGKILL)
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(database + suffix)
        except FileNotFoundError:
            pass
