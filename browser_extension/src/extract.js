// The function injected into the page (chrome.scripting.executeScript, only after the user opened
// the popup). It must be self-contained: it is serialised and run in the page, without imports.
// It reads the ad from, in order: the user's text selection, schema.org JobPosting data
// (JSON-LD, then microdata), the page's main content. It returns what it found and sends nothing.

export function extractJobAd() {
  const tidy = (text) =>
    String(text || "")
      .replace(/\r\n?/g, "\n")
      .replace(/[ \t\u00a0]+/g, " ")
      .replace(/ *\n */g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();

  const htmlToText = (html) => {
    // DOMParser builds an inert document: nothing in it runs or loads
    const parse = (markup) => {
      const doc = new DOMParser().parseFromString(markup, "text/html");
      doc.querySelectorAll("li").forEach((li) => li.prepend("- "));
      return doc.body ? doc.body.textContent : "";
    };
    let text = String(html || "");
    // some sites escape the description's HTML once more: undo at most three layers
    for (let i = 0; i < 3; i++) {
      if (/<[a-z/!]/i.test(text)) {
        text = parse(text.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|div|li|h[1-6]|tr|ul|ol)>/gi, "\n$&"));
      } else if (/&(lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9a-f]+);/i.test(text)) {
        text = parse(text);
      } else {
        break;
      }
    }
    return tidy(text);
  };

  const asList = (value) => (Array.isArray(value) ? value : value == null ? [] : [value]);
  const typeOf = (node) => asList(node && node["@type"]).map((t) => String(t).replace(/^.*[/#]/, ""));
  const nameOf = (value) => {
    if (value == null) return "";
    if (typeof value !== "object") return String(value);
    return String(value.name || value["@id"] || "");
  };

  const findPostings = (node, found, depth = 0) => {
    if (!node || typeof node !== "object" || depth > 6) return found;
    if (Array.isArray(node)) {
      node.forEach((item) => findPostings(item, found, depth + 1));
      return found;
    }
    if (typeOf(node).includes("JobPosting")) found.push(node);
    else Object.values(node).forEach((value) => findPostings(value, found, depth + 1));
    return found;
  };

  const describePlace = (place) => {
    const address = place && typeof place === "object" ? place.address || place : place;
    if (!address) return "";
    if (typeof address !== "object") return String(address);
    return [
      address.streetAddress,
      address.postalCode,
      address.addressLocality,
      address.addressRegion,
      nameOf(address.addressCountry),
    ]
      .filter((part) => part && String(part).trim())
      .join(", ");
  };

  const describeSalary = (salary) => {
    if (!salary || typeof salary !== "object") return salary ? String(salary) : "";
    const value = salary.value && typeof salary.value === "object" ? salary.value : { value: salary.value };
    let amount = "";
    if (value.minValue != null && value.maxValue != null) amount = `${value.minValue}-${value.maxValue}`;
    else if (value.value != null) amount = String(value.value);
    else if (value.minValue != null) amount = `from ${value.minValue}`;
    else if (value.maxValue != null) amount = `up to ${value.maxValue}`;
    if (!amount) return "";
    const unit = value.unitText || salary.unitText;
    return [amount, salary.currency || value.currency, unit ? `per ${String(unit).toLowerCase()}` : ""]
      .filter(Boolean)
      .join(" ");
  };

  const postingText = (posting) => {
    const lines = [];
    const add = (label, value) => {
      const text = tidy(value);
      if (text) lines.push(label ? `${label}: ${text}` : text);
    };
    add("", htmlToText(posting.title || posting.name));
    add("Employer", nameOf(posting.hiringOrganization));
    const org = posting.hiringOrganization;
    if (org && typeof org === "object") add("Employer address", describePlace(org.address));
    add("Location", asList(posting.jobLocation).map(describePlace).filter(Boolean).join("; "));
    if (asList(posting.jobLocationType).some((t) => /TELECOMMUTE/i.test(String(t)))) add("", "Remote work");
    add("Salary", asList(posting.baseSalary).map(describeSalary).filter(Boolean).join("; "));
    add("Employment type", asList(posting.employmentType).join(", "));
    add("Working hours", posting.workHours);
    add("", "");
    for (const field of ["description", "responsibilities", "qualifications", "skills", "experienceRequirements",
      "educationRequirements", "jobBenefits", "incentiveCompensation"]) {
      asList(posting[field]).forEach((value) => add("", htmlToText(typeof value === "object" ? nameOf(value) : value)));
    }
    const contact = posting.applicationContact;
    if (contact && typeof contact === "object") {
      add("Contact", [contact.name, contact.telephone, contact.email].filter(Boolean).join(", "));
    }
    return tidy(lines.join("\n"));
  };

  const result = (source, text) => ({
    source,
    text,
    length: text.length,
    title: tidy(document.title).slice(0, 200),
  });

  // 1. the user's selection (also inside a text field)
  let selected = String(window.getSelection ? window.getSelection() : "");
  const active = document.activeElement;
  if (!selected.trim() && active && typeof active.selectionStart === "number" && active.value) {
    selected = active.value.slice(active.selectionStart, active.selectionEnd);
  }
  if (tidy(selected)) return result("selection", tidy(selected));

  // 2. schema.org JobPosting as JSON-LD
  const postings = [];
  document.querySelectorAll('script[type="application/ld+json" i]').forEach((script) => {
    try {
      findPostings(JSON.parse(script.textContent), postings);
    } catch {
      // a broken JSON-LD block: ignore it
    }
  });
  const fromJsonLd = tidy(postings.map(postingText).join("\n\n"));
  if (fromJsonLd) return result("jsonld", fromJsonLd);

  // 3. schema.org JobPosting as microdata, then the page's main content
  const visible = (el) => tidy(el.innerText || "");
  const microdata = document.querySelector('[itemtype*="schema.org/JobPosting" i]');
  if (microdata && visible(microdata)) return result("microdata", visible(microdata));

  const candidates = [...document.querySelectorAll('main, [role="main"], article')];
  let best = "";
  for (const el of candidates) {
    const text = visible(el);
    if (text.length > best.length) best = text;
  }
  if (!best && document.body) {
    const skip = new Set(["NAV", "HEADER", "FOOTER", "ASIDE", "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "FORM"]);
    best = tidy(
      [...document.body.children]
        .filter((el) => !skip.has(el.tagName) && !["navigation", "banner", "contentinfo"].includes(el.getAttribute("role")))
        .map(visible)
        .join("\n\n"),
    );
  }
  return result("page", best);
}
