"""``okrlint lsp`` end to end: a real server process spoken to over JSON-RPC, plus the position conversion.

The client below is deliberately independent of pygls (Content-Length framing
by hand) so the tests check the bytes an editor sees.  Every read has a
deadline: a hung server fails the test instead of hanging CI.
"""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from lsprotocol import types as lsp

from okrlint.fixes import added_key_results
from okrlint.lsp import PositionMapper, code_units, encoding_name, lint_target, offset_to_position
from okrlint.parsing import parse

TIMEOUT = 30.0  # the first Russian document loads the models (a few seconds on a slow machine)
Message = dict[str, Any]

DOC = (
    "# Q3 2026\r\n"
    "\r\n"
    "## Цель: Сделать бренд любимым выбором молодых родителей 👍🏽\r\n"
    "\r\n"
    "- Снизить процент отказов на целевых страницах с 65% до 45%\r\n"
    "- Повысить удержание клиентов до 68%\r\n"
    "- Запустить рассылку для партнёров — @anna\r\n"
    "\r\n"
    "## Objective: Make onboarding effortless 👍🏽\n"
    "\n"
    "- Cut time to first value from 10 to 5 minutes\n"
    "- 👍🏽 Improve onboarding\n"
    "- Grow weekly active teams from 120 to 200\n"
    "- Number of signups per month\n"
)
CLEAN = (
    "# Q3 2026\n"
    "\n"
    "## Objective: Make onboarding effortless for new teams\n"
    "\n"
    "- Cut time to first value from 10 to 5 minutes\n"
    "- Raise the week-one activation rate from 35% to 50%\n"
    "- Grow weekly active teams from 120 to 200\n"
)


# --------------------------------------------------------------------------- a minimal LSP client


class LspClient:
    """A JSON-RPC peer over the server's pipes; a reader thread queues every message it receives."""

    def __init__(self, cwd: Path, stderr: BinaryIO, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "okrlint.cli", "lsp", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, cwd=cwd, env=env,
        )
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        self.backlog: list[Message] = []
        self.next_id = 0
        self.init_result: Message = {}
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    def _read_loop(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        try:
            while True:
                headers: dict[str, str] = {}
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    if line in (b"\r\n", b"\n"):
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    headers[name.strip().lower()] = value.strip()
                body = stream.read(int(headers["content-length"]))
                self.inbox.put(json.loads(body.decode("utf-8")))
        finally:
            self.inbox.put(None)  # end of stream

    def send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any = None, timeout: float = TIMEOUT) -> Any:
        self.next_id += 1
        request_id = self.next_id
        self.send({"id": request_id, "method": method, "params": params})
        reply = self.wait_for(lambda m: m.get("id") == request_id and "method" not in m, timeout)
        assert "error" not in reply, reply
        return reply.get("result")

    def wait_for(self, predicate: Callable[[Message], bool], timeout: float = TIMEOUT) -> Message:
        """The first message (kept or new) that matches; fails after ``timeout`` seconds."""
        for index, message in enumerate(self.backlog):
            if predicate(message):
                return self.backlog.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no matching message from the server within {timeout} s")
            try:
                message = self.inbox.get(timeout=remaining)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError(f"the server closed its output (exit code {self.process.poll()})")
            if "method" in message and "id" in message:  # a request to the client: answer it, keep going
                self.send({"id": message["id"], "result": None})
                continue
            if predicate(message):
                return message
            self.backlog.append(message)

    def diagnostics(self, uri: str, timeout: float = TIMEOUT) -> list[Message]:
        message = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, timeout)
        return message["params"]["diagnostics"]

    def initialize(self, root: Path, encodings: tuple[str, ...] = ("utf-16",)) -> Message:
        result = self.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "capabilities": {"general": {"positionEncodings": list(encodings)},
                             "textDocument": {"codeAction": {"codeActionLiteralSupport": {
                                 "codeActionKind": {"valueSet": ["quickfix"]}}}}},
        })
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, language_id: str = "markdown", version: int = 1) -> None:
        self.notify("textDocument/didOpen", {
            "textDocument": {"uri": uri, "languageId": language_id, "version": version, "text": text}})

    def close_and_wait(self, timeout: float = 10.0) -> int:
        """End the session politely and return the exit code; kill the process if it will not go."""
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
            raise AssertionError(f"the server did not exit within {timeout} s") from None


def client_offset(text: str, position: Message) -> int:
    """A code-point offset for an LSP position (lines split as the protocol does, UTF-16 units)."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    start = starts[position["line"]]
    units = text[start:].encode("utf-16-le")[: 2 * position["character"]]
    return start + len(units.decode("utf-16-le"))


def client_text(text: str, rng: Message) -> str:
    """The text an editor shows under an LSP range."""
    return text[client_offset(text, rng["start"]):client_offset(text, rng["end"])]


def apply_edits(text: str, edits: list[Message]) -> str:
    """Apply non-overlapping TextEdits as an editor would (all ranges refer to the original text)."""
    spans = sorted(((client_offset(text, e["range"]["start"]), client_offset(text, e["range"]["end"]), e["newText"])
                    for e in edits), reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lsp-workspace")


@pytest.fixture(scope="module")
def client(workspace: Path) -> Iterator[LspClient]:
    """One server for the module's document tests (the models load once); shut down at the end."""
    with open(workspace / "server.log", "wb") as log:
        peer = LspClient(workspace, log)
        try:
            peer.init_result = peer.initialize(workspace)
            yield peer
        finally:
            if peer.process.poll() is None:
                try:
                    peer.request("shutdown", timeout=10)
                    peer.notify("exit")
                except (AssertionError, OSError):
                    pass
                peer.process.stdin.close()  # type: ignore[union-attr]
                try:
                    peer.close_and_wait()
                except AssertionError:
                    pass


# --------------------------------------------------------------------------- end to end


def test_initialize_advertises_full_sync_and_quick_fixes(client: LspClient) -> None:
    capabilities = client.init_result["capabilities"]
    assert capabilities["textDocumentSync"]["change"] == lsp.TextDocumentSyncKind.Full
    assert capabilities["textDocumentSync"]["openClose"] is True
    assert capabilities["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
    assert capabilities["positionEncoding"] == "utf-16"
    assert client.init_result["serverInfo"]["name"] == "okrlint"


def test_utf32_when_the_client_prefers_it(tmp_path: Path) -> None:
    with open(tmp_path / "server.log", "wb") as log:
        peer = LspClient(tmp_path, log)
        result = peer.initialize(tmp_path, encodings=("utf-32", "utf-16"))
        assert result["capabilities"]["positionEncoding"] == "utf-32"
        uri = (tmp_path / "okrs.md").as_uri()
        peer.open(uri, "# Q3 2026\n\n## Objective: Grow\n\n- 👍🏽 Improve onboarding\n")
        vague = [d for d in peer.diagnostics(uri) if d["code"] == "vague-verb"]
        assert vague[0]["range"]["start"] == {"line": 4, "character": 5}  # code points: 👍🏽 counts 2
        peer.request("shutdown")
        peer.notify("exit")
        assert peer.close_and_wait() == 0


def test_diagnostics_ranges_are_utf16(client: LspClient, workspace: Path) -> None:
    uri = (workspace / "okrs.md").as_uri()
    client.open(uri, DOC)
    diagnostics = client.diagnostics(uri)
    found = {(d["code"], client_text(DOC, d["range"])): d for d in diagnostics}
    assert all(d["source"] == "okrlint" for d in diagnostics)

    task = found[("task-key-result", "Запустить")]  # on a CRLF line, after CRLF lines
    assert task["severity"] == lsp.DiagnosticSeverity.Error
    assert task["range"]["start"] == {"line": 6, "character": 2}
    assert task["data"]["suggestions"][0].startswith("Повысить долю открытий рассылки для партнёров с X% до Y%")

    vague = found[("vague-verb", "Improve")]  # after 👍🏽: 2 code points, 4 UTF-16 units
    assert vague["severity"] == lsp.DiagnosticSeverity.Error
    assert vague["range"]["start"] == {"line": 11, "character": 7}
    assert vague["range"]["end"] == {"line": 11, "character": 14}

    assert found[("missing-baseline", "до 68%")]["severity"] == lsp.DiagnosticSeverity.Information
    kpi = found[("kpi-wording", "Number of signups per month")]
    assert kpi["severity"] == lsp.DiagnosticSeverity.Warning
    assert ("missing-number", "👍🏽 Improve onboarding") in found
    assert not any(code == "vague-verb" and "Cut" in text for code, text in found)


def test_code_action_replaces_the_whole_key_result(client: LspClient, workspace: Path) -> None:
    uri = (workspace / "actions.md").as_uri()
    client.open(uri, DOC)
    client.diagnostics(uri)
    diagnostic = {"range": {"start": {"line": 6, "character": 2}, "end": {"line": 6, "character": 10}},
                  "message": "whatever the client kept", "code": "task-key-result", "source": "okrlint",
                  "severity": 1}
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic]},
    })
    assert actions, "no quick fix for task-key-result"
    action = actions[0]
    assert action["kind"] == "quickfix"
    assert action["title"].startswith("okrlint: replace with «Повысить долю открытий рассылки для партнёров с X% до Y%")
    assert not action.get("isPreferred")  # new wording with placeholders: offered, not preferred
    assert action["diagnostics"][0]["code"] == "task-key-result"
    (edit,) = action["edit"]["changes"][uri]
    assert client_text(DOC, edit["range"]) == "Запустить рассылку для партнёров"  # the whole item, the owner kept
    assert edit["newText"] == "Повысить долю открытий рассылки для партнёров с X% до Y%"
    applied = apply_edits(DOC, [edit])
    assert "- Повысить долю открытий рассылки для партнёров с X% до Y% — @anna\r\n" in applied

    stale = {**diagnostic, "range": {"start": {"line": 5, "character": 2}, "end": {"line": 5, "character": 10}}}
    assert not client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": stale["range"], "context": {"diagnostics": [stale]}})
    under_cursor = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 11, "character": 9}, "end": {"line": 11, "character": 9}},
        "context": {"diagnostics": []},
    })
    assert not under_cursor  # "Improve onboarding" names no metric: the message says what to add, no stock frame
    assert not client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic], "only": ["source.organizeImports"]}})


def test_the_safe_fix_is_the_preferred_quick_fix(client: LspClient, workspace: Path) -> None:
    text = "# Q3 2026\r\n\r\n## Objective: Win small teams 👍🏽\r\n\r\n- Try to cut churn from 5% to 3%\r\n- Launch the partner newsletter\r\n"
    uri = (workspace / "safe.md").as_uri()
    client.open(uri, text)
    diagnostics = client.diagnostics(uri)
    (diagnostic,) = [d for d in diagnostics if d["code"] == "hedging"]
    (action,) = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}})
    assert action["isPreferred"] is True and action["title"] == "okrlint: fix to «Cut churn from 5% to 3%»"
    assert apply_edits(text, action["edit"]["changes"][uri]) == text.replace("Try to cut", "Cut")
    (task,) = [d for d in diagnostics if d["code"] == "task-key-result"]
    (rewrite,) = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": task["range"], "context": {"diagnostics": [task]}})
    assert not rewrite.get("isPreferred")  # placeholders to fill in: offered, never preferred


def test_a_verb_swap_quick_fix_edits_only_the_verb(client: LspClient, workspace: Path) -> None:
    text = "# Q3 2026\n\n## Objective: Answer before customers wait\n\n- Improve total reply time by 40% from avg. 3 minutes\n"
    uri = (workspace / "verb.md").as_uri()
    client.open(uri, text)
    (diagnostic,) = [d for d in client.diagnostics(uri) if d["code"] == "vague-verb"]
    (action,) = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}})
    assert not action.get("isPreferred")  # the writer's numbers do not say the direction: unsafe
    (edit,) = action["edit"]["changes"][uri]
    assert edit["newText"] == "Reduce" and edit["range"]["end"]["character"] - edit["range"]["start"]["character"] == 7
    assert apply_edits(text, [edit]) == text.replace("Improve", "Reduce")


def test_metric_moved_out_of_an_objective_becomes_a_key_result(client: LspClient, workspace: Path) -> None:
    text = (
        "# Q3 2026\n\n## Objective: Increase website traffic from partners by 20%\n\n"
        "- Cut time to first value from 10 to 5 minutes\n"
        "- Raise activation from 35% to 50%\n"
        "- Grow weekly active teams from 120 to 200\n"
        "  measured in Amplitude\n"
        "\n## Objective: Make onboarding effortless\n"
    )
    uri = (workspace / "metric.md").as_uri()
    client.open(uri, text)
    (diagnostic,) = [d for d in client.diagnostics(uri) if d["code"] == "metric-in-objective"]
    (action,) = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diagnostic["range"], "context": {"diagnostics": [diagnostic]}})
    assert "and add the key result «Increase website traffic from partners by 20%»" in action["title"]
    fixed = apply_edits(text, action["edit"]["changes"][uri])
    assert fixed == text.replace("Objective: Increase website traffic from partners by 20%",
                                 "Objective: Increase website traffic from partners").replace(
        "  measured in Amplitude\n", "  measured in Amplitude\n- Increase website traffic from partners by 20%\n")


def test_change_to_clean_text_clears_diagnostics(client: LspClient, workspace: Path) -> None:
    uri = (workspace / "change.md").as_uri()
    client.open(uri, "# Q3 2026\n\n## Objective: Grow\n\n- Improve onboarding\n")
    assert any(d["code"] == "vague-verb" for d in client.diagnostics(uri))
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": CLEAN}]})
    message = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                              and m["params"]["uri"] == uri)
    assert message["params"]["diagnostics"] == []
    assert message["params"]["version"] == 2
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []


def test_malformed_yaml_is_one_error(client: LspClient, workspace: Path) -> None:
    uri = (workspace / "okrs.yaml").as_uri()
    client.open(uri, "- objective: Grow\n  key_results: [\n", language_id="yaml")
    (diagnostic,) = client.diagnostics(uri)
    assert diagnostic["severity"] == lsp.DiagnosticSeverity.Error
    assert diagnostic["source"] == "okrlint"
    assert "YAML error" in diagnostic["message"]
    assert diagnostic["range"]["start"]["line"] == 2  # the parser's line 3, 0-based


def test_untitled_yaml_buffer_and_ignored_documents(client: LspClient) -> None:
    client.open("untitled:Untitled-1", "- objective: Grow revenue\n  key_results:\n    - Improve onboarding\n",
                language_id="yaml")
    codes = {d["code"] for d in client.diagnostics("untitled:Untitled-1")}
    assert "vague-verb" in codes
    client.open("untitled:README", "# Notes\n\nNothing to see.\n")  # no OKRs: no complaint
    assert client.diagnostics("untitled:README") == []
    client.open("file:///tmp/script.py", "print('hi')\n", language_id="python")
    with pytest.raises(AssertionError, match="no matching message"):
        client.diagnostics("file:///tmp/script.py", timeout=1.0)


def test_config_is_discovered_and_a_bad_one_is_a_warning(client: LspClient, workspace: Path) -> None:
    good = workspace / "team"
    good.mkdir()
    (good / ".okrlint.toml").write_text('ignore = ["vague-verb"]\n', encoding="utf-8")
    text = "# Q3 2026\n\n## Objective: Grow\n\n- Improve onboarding\n"
    client.open((good / "okrs.md").as_uri(), text)
    codes = {d["code"] for d in client.diagnostics((good / "okrs.md").as_uri())}
    assert "vague-verb" not in codes and "missing-number" in codes

    bad = workspace / "broken"
    bad.mkdir()
    (bad / ".okrlint.toml").write_text("select = [\n", encoding="utf-8")
    client.open((bad / "okrs.md").as_uri(), text)
    warning = client.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert warning["params"]["type"] == lsp.MessageType.Warning
    assert ".okrlint.toml" in warning["params"]["message"]
    codes = {d["code"] for d in client.diagnostics((bad / "okrs.md").as_uri())}
    assert "vague-verb" in codes  # the defaults
    client.open((bad / "more.md").as_uri(), text)
    client.diagnostics((bad / "more.md").as_uri())
    assert not any(m.get("method") == "window/showMessage" for m in client.backlog)  # said once


def test_shutdown_then_exit_with_stdin_still_open(tmp_path: Path) -> None:
    with open(tmp_path / "server.log", "wb") as log:
        peer = LspClient(tmp_path, log)
        peer.initialize(tmp_path)
        assert peer.request("shutdown") is None
        peer.notify("exit")  # the pipe stays open, as some editors leave it
        assert peer.close_and_wait() == 0
    assert "Traceback" not in (tmp_path / "server.log").read_text(encoding="utf-8", errors="replace")


def test_exit_without_shutdown_is_1(tmp_path: Path) -> None:
    with open(tmp_path / "server.log", "wb") as log:
        peer = LspClient(tmp_path, log)
        peer.initialize(tmp_path)
        peer.notify("exit")
        assert peer.close_and_wait() == 1


# --------------------------------------------------------------------------- positions


def test_emoji_counts_two_utf16_units_per_astral_code_point() -> None:
    text = "- 👍🏽 Improve"
    offset = text.index("Improve")
    assert offset == 5
    assert offset_to_position(text, offset) == lsp.Position(line=0, character=7)
    assert offset_to_position(text, offset, "utf-32") == lsp.Position(line=0, character=5)
    assert offset_to_position(text, offset, "utf-8") == lsp.Position(line=0, character=11)
    assert code_units("👍🏽") == 4 and code_units("👍🏽", "utf-32") == 2


def test_combining_characters_are_one_unit_each() -> None:
    text = "Cafe\u0301 Improve"  # é as e + COMBINING ACUTE ACCENT
    assert offset_to_position(text, text.index("Improve")) == lsp.Position(line=0, character=6)
    text = "й\u0306ё Improve"  # already composed й plus a stray combining breve
    assert offset_to_position(text, text.index("Improve")) == lsp.Position(line=0, character=4)


def test_crlf_and_lone_cr_end_lines() -> None:
    text = "a\r\nb\rc\nd\u2028e"  # U+2028 is not an LSP line break
    mapper = PositionMapper(text)
    assert mapper.position(text.index("b")) == lsp.Position(line=1, character=0)
    assert mapper.position(text.index("c")) == lsp.Position(line=2, character=0)
    assert mapper.position(text.index("e")) == lsp.Position(line=3, character=2)
    assert mapper.position(1) == lsp.Position(line=0, character=1)  # at the \r
    assert mapper.position(2) == lsp.Position(line=0, character=1)  # between \r and \n: end of line 0
    assert mapper.position(len(text) + 10) == lsp.Position(line=3, character=3)  # clamped
    assert PositionMapper("x\r\n").position(3) == lsp.Position(line=1, character=0)


def test_parse_error_line_and_column() -> None:
    mapper = PositionMapper("ab\r\n👍🏽cd\r\n")
    assert mapper.line_column(2, 3) == lsp.Position(line=1, character=4)
    assert mapper.line_end(1) == lsp.Position(line=1, character=6)
    assert mapper.line_column(99) == lsp.Position(line=2, character=0)


def test_encoding_names() -> None:
    assert encoding_name(lsp.PositionEncodingKind.Utf16) == "utf-16"
    assert encoding_name("utf-32") == "utf-32"
    assert encoding_name(None) == "utf-16"


def test_lint_target_by_extension_then_language() -> None:
    assert lint_target("file:///w/okrs.md", "plaintext").filename == "/w/okrs.md"  # type: ignore[union-attr]
    assert lint_target("file:///w/okrs.csv", None).fmt is None  # type: ignore[union-attr]
    assert lint_target("untitled:Untitled-1", "yaml").fmt == "yaml"  # type: ignore[union-attr]
    assert lint_target("untitled:Untitled-1", "plaintext").fmt is None  # type: ignore[union-attr]
    assert lint_target("file:///w/main.py", "python") is None


def test_moved_key_results_are_inserted_only_into_markdown_lists() -> None:
    source = "## Objective: Grow traffic by 20%\n\n1. Cut churn from 5% to 3%\r\n2. Raise NPS from 30 to 50\r\n"
    at, inserted = added_key_results(parse(source, "a.md"), (0,), ["Grow traffic by 20%"])  # type: ignore[misc]
    assert source[:at].endswith("Raise NPS from 30 to 50") and inserted == "\r\n3. Grow traffic by 20%"
    table = ("| Цель | Ключевые результаты |\n|---|---|\n"
             "| Увеличить трафик на 20% | Снизить отток с 5% до 3% |\n")
    assert added_key_results(parse(table, "a.md"), (0,), ["x"]) is None
    structured = "- objective: Grow traffic by 20%\n  key_results: [Cut churn from 5% to 3%]\n"
    assert added_key_results(parse(structured, "a.yaml"), (0,), ["x"]) is None
    assert added_key_results(parse("## Objective: Grow traffic by 20%\n", "a.md"), (0,), ["x"]) is None


def to_utf8_range(text: str, rng: Message) -> Message:
    """What Neovim 0.7 sends back: the same lines, columns converted from UTF-16 units to UTF-8 bytes."""
    lines = re.split(r"\r\n|\r|\n", text)

    def convert(position: Message) -> Message:
        line = lines[position["line"]]
        prefix = line.encode("utf-16-le")[: 2 * position["character"]].decode("utf-16-le")
        return {"line": position["line"], "character": len(prefix.encode("utf-8"))}

    return {"start": convert(rng["start"]), "end": convert(rng["end"])}


def test_code_actions_for_a_client_that_sends_back_utf8_byte_columns(client: LspClient, workspace: Path) -> None:
    text = ("# Q3 2026\n\n## Цель: Стать брендом, который выбирают молодые родители\n\n"
            "- Снизить стоимость лида с 620 до 450 ₽\n"
            "- Попробовать запустить TikTok-канал\n"
            "- Запустить рассылку для партнёров — @anna\n")
    uri = (workspace / "nvim07.md").as_uri()
    client.open(uri, text)
    diagnostics = client.diagnostics(uri)
    on_cyrillic = [d for d in diagnostics if d["range"]["start"]["line"] in (5, 6) and d.get("data")]
    assert {d["code"] for d in on_cyrillic} >= {"hedging", "task-key-result"}
    for diagnostic in on_cyrillic:
        sent = {**diagnostic, "range": to_utf8_range(text, diagnostic["range"])}
        assert sent["range"] != diagnostic["range"]  # the columns really moved
        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": sent["range"], "context": {"diagnostics": [sent]}})
        assert actions, f"no quick fix for {diagnostic['code']} sent back in bytes"
        (edit,) = actions[0]["edit"]["changes"][uri]
        replaced = client_text(text, edit["range"])  # the whole item, or (a safe fix) the part of it that changes
        assert replaced and any(replaced in item for item in ("Попробовать запустить TikTok-канал", "Запустить рассылку для партнёров"))
        assert edit["newText"] == diagnostic["data"]["suggestions"][0] or actions[0]["diagnostics"][0] == sent
        assert all(a["diagnostics"][0]["code"] == diagnostic["code"] for a in actions)


def test_matching_reads_the_range_in_every_encoding_then_prefers_the_same_message() -> None:
    from types import SimpleNamespace

    from okrlint.lsp import _match

    text = "x\n\n\n- Провести вебинар и запустить рассылку\n"
    mapper = PositionMapper(text, "utf-16")
    line = text.splitlines()[3]
    base = text.index(line)

    def pair(word: str, message: str) -> tuple[Any, lsp.Diagnostic]:
        start = base + line.index(word)
        finding = SimpleNamespace(range=SimpleNamespace(start=SimpleNamespace(offset=start),
                                                        end=SimpleNamespace(offset=start + len(word))))
        return finding, lsp.Diagnostic(range=mapper.range(start, start + len(word)), message=message,
                                       code="task-key-result", source="okrlint")

    first, second = pair("Провести", "«Провести» — задача"), pair("запустить", "«запустить» — задача")
    fixable = [first, second]

    def sent(diagnostic: lsp.Diagnostic, encoding: str, message: str | None = None) -> lsp.Diagnostic:
        other = PositionMapper(text, encoding)
        start, end = mapper.offset(diagnostic.range.start), mapper.offset(diagnostic.range.end)
        return lsp.Diagnostic(range=other.range(start, end), message=message or diagnostic.message,
                              code=diagnostic.code, source="okrlint")

    for encoding in ("utf-8", "utf-16", "utf-32"):
        assert _match(sent(second[1], encoding), fixable, mapper) == [second[0]], encoding
        assert _match(sent(first[1], encoding), fixable, mapper) == [first[0]], encoding
    assert sent(second[1], "utf-8").range.start.character > second[1].range.end.character  # no overlap in UTF-16
    wide = lsp.Diagnostic(range=lsp.Range(start=first[1].range.start, end=second[1].range.end),
                          message=second[1].message, code="task-key-result", source="okrlint")
    assert _match(wide, fixable, mapper) == [second[0]]  # overlaps both: the message decides
    assert _match(lsp.Diagnostic(range=first[1].range, message="m", code="hedging"), fixable, mapper) == []
    stale = lsp.Diagnostic(range=lsp.Range(start=lsp.Position(line=1, character=0),
                                           end=lsp.Position(line=1, character=0)),
                           message=first[1].message, code="task-key-result")
    assert _match(stale, fixable, mapper) == []


def test_position_mapper_reads_positions_back() -> None:
    text = "a\r\n- 👍🏽 Привет\n"
    for encoding in ("utf-8", "utf-16", "utf-32"):
        mapper = PositionMapper(text, encoding)
        for offset in range(len(text)):
            if text[offset] in "\r\n":
                continue
            assert mapper.offset(mapper.position(offset)) == offset, (encoding, offset)


def test_documents_a_walk_would_skip_get_no_diagnostics(client: LspClient, workspace: Path) -> None:
    readme = (workspace / "README.md").as_uri()
    client.open(readme, "# Project\n\n## Usage\n- Improve the docs\n- Run the tool\n")
    assert client.diagnostics(readme) == []  # no OKR marks: nothing to say, as `okrlint .` skips it
    vendored = workspace / "node_modules" / "pkg" / "okrs.md"
    client.open(vendored.as_uri(), "## Objective: Grow\n- Improve onboarding\n")
    with pytest.raises(AssertionError, match="no matching message"):
        client.diagnostics(vendored.as_uri(), timeout=1.0)
    kept = (workspace / "okrs-kept.md").as_uri()
    client.open(kept, "## Objective: Grow\n- Improve onboarding\n")
    assert "vague-verb" in {d["code"] for d in client.diagnostics(kept)}


# --------------------------------------------------------------------------- responsiveness


def _start(tmp_path: Path, log: BinaryIO, options: dict[str, Any] | None = None,
           debug: bool = False) -> LspClient:
    peer = LspClient(tmp_path, log, *(["--log-level", "debug"] if debug else []))  # debug: see what it did when
    peer.request("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {},
                                "initializationOptions": options})
    peer.notify("initialized", {})
    return peer


def _stop(peer: LspClient) -> None:
    peer.request("shutdown")
    peer.notify("exit")
    assert peer.close_and_wait() == 0


def test_fast_typing_publishes_only_the_latest_version(tmp_path: Path) -> None:
    with open(tmp_path / "server.log", "wb") as log:
        peer = _start(tmp_path, log, {"debounce": 1000})
        uri = (tmp_path / "okrs.md").as_uri()
        base = "# Q3 2026\n\n## Цель: Сделать бренд любимым\n\n- Запустить рассылку для партнёров\n- "
        peer.open(uri, base)
        peer.diagnostics(uri)
        typed = "Попробовать запустить TikTok-канал"
        for n in range(1, len(typed) + 1):  # one keystroke per version, as an editor sends them
            peer.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": n + 1},
                                                   "contentChanges": [{"text": base + typed[:n]}]})
        last = len(typed) + 1
        final = peer.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                              and m["params"]["uri"] == uri)
        assert final["params"]["version"] == last  # nothing in between was linted and published
        assert "hedging" in {d["code"] for d in final["params"]["diagnostics"]}
        with pytest.raises(AssertionError, match="no matching message"):
            peer.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=1.5)
        _stop(peer)


def test_models_load_after_initialize_and_a_document_opened_meanwhile_is_published(tmp_path: Path) -> None:
    with open(tmp_path / "server.log", "wb") as log:
        peer = _start(tmp_path, log, debug=True)
        uri = (tmp_path / "okrs.md").as_uri()
        peer.open(uri, "# Q3 2026\n\n## Цель: Рост\n\n- Запустить рассылку для партнёров\n")  # while the models load
        assert "task-key-result" in {d["code"] for d in peer.diagnostics(uri)}
        _stop(peer)
    lines = (tmp_path / "server.log").read_text(encoding="utf-8").splitlines()
    loaded = next(i for i, line in enumerate(lines) if "models loaded in" in line)
    linted = next(i for i, line in enumerate(lines) if f"linted {uri} version 1" in line)
    assert loaded < linted  # the warm-up ran first, on the same worker, right after initialize


def test_debounce_option_is_validated(tmp_path: Path) -> None:
    from okrlint.lsp import DEBOUNCE_MS, OkrLanguageServer

    server = OkrLanguageServer()
    assert server.debounce == DEBOUNCE_MS / 1000
    server.configure({"debounce": 50})
    assert server.debounce == 0.05
    server.configure({"debounce": "fast"})
    server.configure({"debounce": -1})
    server.configure(None)
    assert server.debounce == 0.05
