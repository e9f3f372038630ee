const status = document.getElementById("status");
const ask = (message) => chrome.runtime.sendMessage(message);

document.getElementById("pair").addEventListener("click", async () => {
  const started = await ask({ type: "pair-start", clientName: `${navigator.userAgentData?.brands?.[0]?.brand || "Browser"}` });
  if (started.error) {
    status.textContent = started.error;
    return;
  }
  status.innerHTML = "";
  const p = document.createElement("p");
  p.textContent = "Check that the ClientSafe app shows this code, then approve it there:";
  const code = document.createElement("div");
  code.className = "code";
  code.textContent = `${started.code.slice(0, 3)} ${started.code.slice(3)}`;
  status.append(p, code);
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const { status: s } = await ask({ type: "pair-poll" });
    if (s === "approved") { status.textContent = "Paired. ClientSafe now checks your posts in this browser."; return; }
    if (s !== "pending") { status.textContent = `Pairing ${s}. Press the button to try again.`; return; }
  }
});
