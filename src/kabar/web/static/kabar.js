// kabar: progressive enhancement only. Every page works without this script; it adds upload progress.
// Never uses innerHTML: server replies are put on the page with textContent.
"use strict";
(function () {
  var form = document.getElementById("upload-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var box = form.querySelector(".progress");
  var bar = document.getElementById("upload-progress");
  var stage = document.getElementById("upload-stage");
  var result = document.getElementById("upload-result");

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }
  function line(parent, nodes) {
    var li = document.createElement("li");
    nodes.forEach(function (n) { li.appendChild(typeof n === "string" ? document.createTextNode(n) : n); });
    parent.appendChild(li);
  }
  function show(data) {
    result.textContent = "";
    var p = document.createElement("p");
    p.textContent = data.new.length + " new, " + data.known.length + " already known, " + data.failed.length + " failed.";
    result.appendChild(p);
    var ul = document.createElement("ul");
    ul.className = "ingested";
    data.new.forEach(function (d) { line(ul, [link(d.href, d.title), " (new)"]); });
    data.known.forEach(function (d) { line(ul, [link(d.href, d.title), " (already known)"]); });
    data.failed.forEach(function (f) { line(ul, [f.name + ": " + f.reason]); });
    data.events.forEach(function (e) { line(ul, ["Briefed again: ", link(e.href, e.title)]); });
    result.appendChild(ul);
  }
  function fail(message) {
    result.textContent = "";
    var p = document.createElement("p");
    p.className = "error";
    p.setAttribute("role", "alert");
    p.textContent = message;
    result.appendChild(p);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.getAttribute("data-api"));
    xhr.setRequestHeader("Authorization", "Bearer " + data.get("token"));
    data.delete("token");
    box.hidden = false;
    bar.value = 0;
    stage.textContent = "Uploading…";
    result.textContent = "";
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
    });
    xhr.upload.addEventListener("load", function () {
      bar.removeAttribute("value"); // indeterminate while the server reads and briefs
      stage.textContent = "Reading the files and briefing the affected events…";
    });
    xhr.addEventListener("load", function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      bar.value = 100;
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        stage.textContent = "Done.";
        show(body);
      } else {
        stage.textContent = "Failed.";
        fail((body && body.detail) || "Upload failed (HTTP " + xhr.status + ").");
      }
    });
    xhr.addEventListener("error", function () { stage.textContent = "Failed."; fail("The server could not be reached."); });
    xhr.send(data);
  });
})();
