// HTML to plain text for e-mail bodies and .html files: gumbo builds the tree a browser would,
// and a small renderer writes blocks as lines and table rows as " | "-separated lines.
#include "extract/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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
    compact.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
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

// Elements that never nest in practice: void elements, and those a sibling closes implicitly.
bool IsFlatTag(std::string_view name) {
  static constexpr std::string_view kFlat[] = {
      "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param",
      "source", "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option"};
  for (std::string_view flat : kFlat) {
    if (name.size() != flat.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) {
      const char c = name[i] >= 'A' && name[i] <= 'Z' ? static_cast<char>(name[i] - 'A' + 'a') : name[i];
      same = c == flat[i];
    }
    if (same) return true;
  }
  return false;
}

// Gumbo checks the stack of open elements at every start tag, so its time grows with the sum
// of the nesting depth over all tags: 50,000 nested <div>s took seconds and 100,000 over a
// minute. This estimates that sum from the raw tags, cheaply.
std::uint64_t EstimatedParseWork(std::string_view html) {
  std::uint64_t work = 0;
  std::uint64_t depth = 0;
  for (std::size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    if (html[i + 1] == '/') {
      if (depth > 0) --depth;
      continue;
    }
    if (!IsAsciiLetter(html[i + 1])) continue;
    std::size_t end = i + 1;
    while (end < html.size() && end - i < 16 && (IsAsciiLetter(html[end]) || (html[end] >= '0' && html[end] <= '9'))) ++end;
    if (IsFlatTag(html.substr(i + 1, end - i - 1))) {
      work += depth;
      continue;
    }
    const std::size_t close = html.find('>', end);
    const bool self_closing = close != std::string_view::npos && close > 0 && html[close - 1] == '/';
    work += depth;
    if (!self_closing) ++depth;
  }
  return work;
}

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
        name.push_back(n >= 'A' && n <= 'Z' ? static_cast<char>(n - 'A' + 'a') : n);
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
  if (EstimatedParseWork(html) > kMaxParseWork) return StripTags(html);
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
