// Sends the page's forms to the partner API as JSON, at the page's own address (the link), then
// shows the answers as they now stand. A refusal's detail is shown as text, never as markup.
document.querySelectorAll("form[data-action]").forEach((form) => {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {};
    new FormData(form).forEach((value, name) => {
      if (value !== "") body[name] = value;
    });
    const answer = await fetch(location.pathname + "/" + form.dataset.action, {
      method: form.dataset.method,
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: form.dataset.action === "acknowledge" ? undefined : JSON.stringify(body),
    });
    if (answer.ok) {
      location.reload();
    } else {
      const problem = await answer.json().catch(() => ({}));
      document.getElementById("problem").textContent = problem.detail || answer.statusText;
    }
  });
});
