// HTML to plain text for e-mail bodies and .html files: gumbo builds the tree a browser would,
// and a small renderer writes blocks as lines and table rows as " | "-separated lines.
#include "extract/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "extract/page_text.h"

namespace foicode::extract {
namespace {

// Deeper elements are read for their text only: hostile HTML nests tens of thousands of tags,
// and the renderer recurses.
constexpr int kMaxRenderDepth = 200;

bool IsHtmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Accumulates rendered text with browser-like white space: runs collapse to one space, spaces
// vanish at line starts and ends, and block boundaries request line breaks lazily so nested
// blocks do not stack blank lines.
class Writer {
 public:
  void Text(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (IsHtmlSpace(c)) {
        pending_space_ = true;
      } else if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
        pending_space_ = true;  // &nbsp;
        ++i;
      } else {
        Flush();
        out_.push_back(c);
      }
    }
  }

  // Text written as is (inside <pre>), and markers such as list bullets.
  void Raw(std::string_view text) {
    if (text.empty()) return;
    Flush();
    out_.append(text);
  }

  // Ends the current line (lines = 1) or the paragraph (lines = 2).
  void Break(int lines) { pending_breaks_ = std::max(pending_breaks_, lines); }

  // <br>: each one is a line end, so two in a row leave a blank line.
  void LineBreak() {
    if (out_.empty()) return;
    pending_breaks_ = std::min(2, pending_breaks_ + 1);
  }

  std::string Finish() { return NormalizeLines(out_); }

 private:
  void Flush() {
    if (pending_breaks_ > 0 && !out_.empty()) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      int existing = 0;
      for (auto it = out_.rbegin(); it != out_.rend() && *it == '\n'; ++it) ++existing;
      for (int i = existing; i < pending_breaks_; ++i) out_.push_back('\n');
    } else if (pending_space_ && !out_.empty() && out_.back() != '\n') {
      out_.push_back(' ');
    }
    pending_breaks_ = 0;
    pending_space_ = false;
  }

  std::string out_;
  int pending_breaks_ = 0;
  bool pending_space_ = false;
};

struct ListState {
  bool ordered = false;
  int next = 1;
};

bool HasClassPrefix(const GumboElement& element, std::string_view prefix) {
  const GumboAttribute* cls = gumbo_get_attribute(&element.attributes, "class");
  return cls != nullptr && std::string_view(cls->value).substr(0, prefix.size()) == prefix;
}

// Mail clients hide pre-header snippets with display:none; a browser shows nothing there.
bool IsHidden(const GumboElement& element) {
  if (gumbo_get_attribute(&element.attributes, "hidden") != nullptr) return true;
  const GumboAttribute* style = gumbo_get_attribute(&element.attributes, "style");
  if (style == nullptr) return false;
  std::string compact;
  for (const char* p = style->value; *p != '\0'; ++p) {
    const char c = *p;
    if (IsHtmlSpace(c)) continue;
    compact.push_back(AsciiLower(c));
  }
  return compact.find("display:none") != std::string::npos;
}

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_SVG: case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_IMG: case GUMBO_TAG_META: case GUMBO_TAG_LINK:
      return true;
    default:
      return false;
  }
}

// Elements that end a line before and after; paragraph-like ones leave a blank line.
int BlockBreaks(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR: case GUMBO_TAG_P:
      return 2;
    case GUMBO_TAG_DIV: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TEXTAREA:
      return 1;
    default:
      return 0;
  }
}

// Whether a subtree holds any text a browser would show (iterative: Outlook nests <p> in
// layout tables in quirks mode, and this runs for each of them).
bool HasVisibleText(const GumboNode* node) {
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_CDATA) {
      std::string_view text = current->v.text.text;
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (IsHtmlSpace(text[i])) continue;
        if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
          ++i;
          continue;
        }
        return true;
      }
      continue;
    }
    if (current->type != GUMBO_NODE_ELEMENT && current->type != GUMBO_NODE_TEMPLATE) continue;
    if (IsDropped(current->v.element.tag) || IsHidden(current->v.element)) continue;
    const GumboVector& children = current->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
  }
  return false;
}

class Renderer {
 public:
  void Render(const GumboNode* node, Writer& out, int depth);

 private:
  void RenderChildren(const GumboNode* node, Writer& out, int depth) {
    const GumboVector& children = node->type == GUMBO_NODE_DOCUMENT
                                      ? node->v.document.children
                                      : node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      Render(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
    }
  }
  void RenderRow(const GumboNode* row, Writer& out, int depth);
  void RenderTextOnly(const GumboNode* node, Writer& out);

  std::vector<ListState> lists_;
  int pre_depth_ = 0;
};

void Renderer::Render(const GumboNode* node, Writer& out, int depth) {
  switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
      RenderChildren(node, out, depth);
      return;
    case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
      if (pre_depth_ > 0) {
        out.Raw(node->v.text.text);
      } else {
        out.Text(node->v.text.text);
      }
      return;
    case GUMBO_NODE_COMMENT:
      return;
    case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE:
      break;
  }
  const GumboElement& element = node->v.element;
  if (IsDropped(element.tag) || IsHidden(element)) return;
  if (depth > kMaxRenderDepth) {
    out.Break(1);
    RenderTextOnly(node, out);
    out.Break(1);
    return;
  }
  switch (element.tag) {
    case GUMBO_TAG_BR:
      out.LineBreak();
      return;
    case GUMBO_TAG_TR:
      RenderRow(node, out, depth);
      return;
    case GUMBO_TAG_UL: case GUMBO_TAG_OL:
      lists_.push_back(ListState{element.tag == GUMBO_TAG_OL, 1});
      out.Break(lists_.size() == 1 ? 2 : 1);
      RenderChildren(node, out, depth);
      out.Break(lists_.size() == 1 ? 2 : 1);
      lists_.pop_back();
      return;
    case GUMBO_TAG_LI: {
      out.Break(1);
      std::string marker;
      if (!lists_.empty()) {
        marker.assign(2 * (lists_.size() - 1), ' ');
        ListState& list = lists_.back();
        marker += list.ordered ? std::to_string(list.next++) + ". " : "- ";
      } else {
        marker = "- ";
      }
      out.Raw(marker);
      RenderChildren(node, out, depth);
      out.Break(1);
      return;
    }
    case GUMBO_TAG_P:
      // Outlook writes every line as <p class=MsoNormal> with no margin, and an empty one
      // (holding only &nbsp;) for a blank line; other HTML gives paragraphs a margin.
      if (HasClassPrefix(element, "Mso")) {
        out.Break(1);
        if (!HasVisibleText(node)) {
          out.Break(2);
          return;
        }
        RenderChildren(node, out, depth);
        out.Break(1);
        return;
      }
      break;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP:
      out.Break(BlockBreaks(element.tag) > 0 ? BlockBreaks(element.tag) : 1);
      ++pre_depth_;
      RenderChildren(node, out, depth);
      --pre_depth_;
      out.Break(BlockBreaks(element.tag) > 0 ? BlockBreaks(element.tag) : 1);
      return;
    default:
      break;
  }
  const int breaks = BlockBreaks(element.tag);
  if (breaks > 0) out.Break(breaks);
  RenderChildren(node, out, depth);
  if (breaks > 0) out.Break(breaks);
}

// The lines of one table cell on one line. Lines that end without punctuation are separated
// by "; ", so that two items listed in a cell ("Annalise – chest X-ray<br>Rapid AI – stroke")
// do not run together into one phrase.
std::string JoinCellLines(const std::string& cell) {
  std::string joined;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find('\n', start);
    if (end == std::string::npos) end = cell.size();
    std::string piece;
    for (char c : cell.substr(start, end - start)) {
      if (c == ' ' && (piece.empty() || piece.back() == ' ')) continue;
      piece.push_back(c);
    }
    while (!piece.empty() && piece.back() == ' ') piece.pop_back();
    if (!piece.empty()) {
      if (!joined.empty()) {
        const char last = joined.back();
        joined += (last == '.' || last == ',' || last == ';' || last == ':') ? " " : "; ";
      }
      joined += piece;
    }
    start = end + 1;
  }
  return joined;
}

// One line per row. A row with a single non-empty cell is layout (mail templates wrap the
// whole message in tables), so its content keeps its own lines.
void Renderer::RenderRow(const GumboNode* row, Writer& out, int depth) {
  std::vector<std::string> cells;
  const GumboVector& children = row->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = child->v.element.tag;
    if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) continue;
    if (IsHidden(child->v.element)) continue;
    Writer cell;
    Renderer inner;
    inner.RenderChildren(child, cell, depth + 1);
    cells.push_back(cell.Finish());
  }
  const auto filled = std::count_if(cells.begin(), cells.end(),
                                    [](const std::string& c) { return !c.empty(); });
  if (filled == 0) return;
  out.Break(1);
  if (filled == 1) {
    for (const std::string& cell : cells) out.Raw(cell);
    out.Break(1);
    return;
  }
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += " | ";
    line += JoinCellLines(cells[i]);
  }
  out.Raw(line);
  out.Break(1);
}

// Text of a subtree without recursion, for nesting past kMaxRenderDepth.
void Renderer::RenderTextOnly(const GumboNode* node, Writer& out) {
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE ||
        current->type == GUMBO_NODE_CDATA) {
      out.Text(current->v.text.text);
      out.Text(" ");
      continue;
    }
    if (current->type != GUMBO_NODE_ELEMENT && current->type != GUMBO_NODE_TEMPLATE) continue;
    if (IsDropped(current->v.element.tag)) continue;
    const GumboVector& children = current->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements with no content: never on gumbo's stack of open elements.
bool IsVoidTag(std::string_view name) {
  static const std::unordered_set<std::string_view> kVoid = {
      "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param",
      "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"};
  return kVoid.contains(name);
}

// HTML5's "special" elements: an end tag for an ordinary element (span, font, b) that meets
// one of these on the stack is ignored.
bool IsSpecialTag(std::string_view name) {
  static const std::unordered_set<std::string_view> kSpecial = {
      "address", "applet", "article", "aside", "blockquote", "body", "button", "caption",
      "center", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "fieldset",
      "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
      "head", "header", "hgroup", "html", "iframe", "li", "listing", "main", "marquee", "menu",
      "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "plaintext", "pre",
      "script", "section", "select", "style", "summary", "table", "tbody", "td", "template",
      "textarea", "tfoot", "th", "thead", "title", "tr", "ul", "xmp"};
  return kSpecial.contains(name);
}

// Where an end tag for a special element stops looking for its match ("has an element in
// scope").
bool IsScopeMarker(std::string_view name) {
  return name == "applet" || name == "caption" || name == "html" || name == "table" ||
         name == "td" || name == "th" || name == "marquee" || name == "object" ||
         name == "template";
}

// Start tags that close an open <p> ("<table>" only in standards mode, so not here).
bool ClosesParagraph(std::string_view name) {
  static const std::unordered_set<std::string_view> kBlocks = {
      "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
      "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
      "nav", "ol", "p", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
      "listing", "form", "li", "dd", "dt", "plaintext", "xmp"};
  return kBlocks.contains(name);
}

bool IsTableBoundary(std::string_view name) {
  return name == "table" || name == "html" || name == "template";
}

// A model of gumbo's stack of open elements, fed the raw tags, that errs towards too deep.
// Gumbo checks that stack at every start tag and searches it at end tags, so its time grows
// with the sum of the depth over all tags (50,000 nested <div>s took seconds, 100,000 over a
// minute), and its tree destructor recurses as deep as the nesting. The model pops only where
// gumbo would: an end tag must match an open element (gumbo ignores "</b>" after "<div>", so
// "<div></b>" repeated nests), and "<div/>" opens a div. It stops as soon as a bound is
// passed, so its own time is bounded too.
class ParseCostModel {
 public:
  ParseCostModel(std::uint64_t max_work, std::size_t max_depth)
      : max_work_(max_work), max_depth_(max_depth) {
    // Interned first, in the order of the k* ids below.
    for (const char* name : {"td", "th", "tr", "li", "dt", "dd", "option", "p", "table"}) {
      Intern(name);
    }
  }

  // True when `html` would cost gumbo more than the bounds.
  bool Exceeds(std::string_view html) {
    std::string name;
    for (std::size_t i = 0; i + 1 < html.size(); ++i) {
      if (html[i] != '<') continue;
      const bool end_tag = html[i + 1] == '/';
      const std::size_t name_start = i + (end_tag ? 2 : 1);
      if (name_start >= html.size() || !IsAsciiLetter(html[name_start])) continue;
      name.clear();
      for (std::size_t k = name_start; k < html.size() && name.size() < 16; ++k) {
        const char c = html[k];
        if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9')) break;
        name.push_back(AsciiLower(c));
      }
      const int tag = Intern(name);
      if (end_tag) {
        EndTag(tag);
      } else {
        StartTag(tag);
      }
      if (work_ > max_work_ || open_.size() > max_depth_) return true;
    }
    return false;
  }

 private:
  // What the model needs to know of a tag name, worked out once per distinct name.
  struct Kind {
    bool is_void = false;
    bool special = false;
    bool scope_marker = false;
    bool table_boundary = false;
    bool closes_paragraph = false;
    bool item_boundary = false;  // stops a new <li>, <dt> or <dd> closing an open one
  };

  int Intern(const std::string& name) {
    const auto [it, added] = ids_.try_emplace(name, static_cast<int>(kinds_.size()));
    if (added) {
      kinds_.push_back(Kind{.is_void = IsVoidTag(name),
                            .special = IsSpecialTag(name),
                            .scope_marker = IsScopeMarker(name),
                            .table_boundary = IsTableBoundary(name),
                            .closes_paragraph = ClosesParagraph(name),
                            .item_boundary = IsSpecialTag(name) && name != "address" &&
                                             name != "div" && name != "p"});
      open_count_.push_back(0);
    }
    return it->second;
  }

  enum : int { kTd, kTh, kTr, kLi, kDt, kDd, kOption, kP, kTable };

  void StartTag(int tag) {
    work_ += open_.size();
    const Kind kind = kinds_[static_cast<std::size_t>(tag)];
    if (kind.is_void) return;
    if (tag == kTd || tag == kTh || tag == kTr) {
      // Outside a table gumbo drops these tags.
      if (open_count_[kTable] == 0) return;
      if (tag == kTr) {
        PopTo({kTr}, &Kind::table_boundary);
      } else {
        PopTo({kTd, kTh}, &Kind::table_boundary);
      }
    } else if (tag == kLi) {
      // A new item closes the open one unless a list or another block lies between.
      PopTo({kLi}, &Kind::item_boundary);
    } else if (tag == kDt || tag == kDd) {
      PopTo({kDt, kDd}, &Kind::item_boundary);
    } else if (tag == kOption && !open_.empty() && open_.back() == kOption) {
      Pop();
    }
    if (kind.closes_paragraph) PopTo({kP}, &Kind::scope_marker);
    Push(tag);
  }

  void EndTag(int tag) {
    PopTo({tag}, kinds_[static_cast<std::size_t>(tag)].special ? &Kind::scope_marker
                                                               : &Kind::special);
  }

  void Push(int tag) {
    open_.push_back(tag);
    ++open_count_[static_cast<std::size_t>(tag)];
  }

  void Pop() {
    --open_count_[static_cast<std::size_t>(open_.back())];
    open_.pop_back();
  }

  // Searches down the stack for one of `targets`, stopping at an element whose Kind has
  // `boundary` set, and pops down to and including it. Gumbo searches its stack the same way,
  // so the search counts as work; with no target open at all there is nothing to search.
  void PopTo(std::initializer_list<int> targets, bool Kind::*boundary) {
    bool any_open = false;
    for (int t : targets) any_open = any_open || open_count_[static_cast<std::size_t>(t)] > 0;
    if (!any_open) return;
    for (std::size_t k = open_.size(); k > 0; --k) {
      ++work_;
      const int open = open_[k - 1];
      if (std::find(targets.begin(), targets.end(), open) != targets.end()) {
        while (open_.size() >= k) Pop();
        return;
      }
      if (kinds_[static_cast<std::size_t>(open)].*boundary) return;
    }
  }

  std::uint64_t max_work_;
  std::size_t max_depth_;
  std::uint64_t work_ = 0;
  std::unordered_map<std::string, int> ids_;
  std::vector<Kind> kinds_;      // by tag id
  std::vector<int> open_count_;  // by tag id: how many are on open_
  std::vector<int> open_;        // tag ids, innermost last
};

// Text of pathologically nested HTML without a parser: tags become white space (block-ish
// ones line breaks), script and style are dropped, and the common entities decoded.
std::string StripTags(std::string_view html) {
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) break;
      std::string name;
      for (std::size_t k = i + 1; k < close && name.size() < 10; ++k) {
        const char n = html[k];
        if (n == '/' && name.empty()) continue;
        if (!IsAsciiLetter(n) && !(n >= '0' && n <= '9')) break;
        name.push_back(AsciiLower(n));
      }
      if ((name == "script" || name == "style") && html[i + 1] != '/') {
        const std::size_t end = html.find("</" + name, close);
        i = end == std::string_view::npos ? html.size() : end;
        continue;
      }
      const bool block = name == "p" || name == "div" || name == "br" || name == "tr" ||
                         name == "li" || name == "table" || (name.size() == 2 && name[0] == 'h');
      out.push_back(block ? '\n' : ' ');
      i = close + 1;
      continue;
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"},
          {"&nbsp;", " "}, {"&pound;", "\u00A3"}};
      bool matched = false;
      for (const auto& [entity, text] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          out.append(text);
          i += entity.size();
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    out.push_back(c);
    ++i;
  }
  std::string collapsed;
  for (char c : out) {
    const bool space = c == ' ' || c == '\t' || c == '\r';
    if (space && (collapsed.empty() || collapsed.back() == ' ' || collapsed.back() == '\n')) continue;
    collapsed.push_back(space ? ' ' : c);
  }
  return NormalizeLines(collapsed);
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  // About a second of gumbo on a busy machine; real pages and mail stay far below.
  constexpr std::uint64_t kMaxParseWork = 50'000'000;
  // Keeps gumbo's recursive tree destructor well inside a worker thread's stack.
  constexpr std::size_t kMaxParseDepth = 5'000;
  if (ParseCostModel(kMaxParseWork, kMaxParseDepth).Exceeds(html)) return StripTags(html);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the error list is unused and grows with hostile input
  auto destroy = [&options](GumboOutput* output) { gumbo_destroy_output(&options, output); };
  std::unique_ptr<GumboOutput, decltype(destroy)> output(
      gumbo_parse_with_options(&options, html.data(), html.size()), destroy);
  if (output == nullptr) return {};
  Writer writer;
  Renderer().Render(output->document, writer, 0);
  return writer.Finish();
}

}  // namespace foicode::extract
