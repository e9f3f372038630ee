const { token } = await chrome.storage.local.get({ token: null });
document.getElementById("state").textContent = token
  ? "Paired with the ClientSafe app."
  : "Not protected: this browser is not paired with the ClientSafe app yet.";
