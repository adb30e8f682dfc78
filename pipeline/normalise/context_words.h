// Words that tell the normalise stage a name is about clinical software: "AI", "algorithm",
// "platform", "dictation" ... Used to trust ambiguous names and to find unknown product names.
#ifndef FOICODE_PIPELINE_NORMALISE_CONTEXT_WORDS_H_
#define FOICODE_PIPELINE_NORMALISE_CONTEXT_WORDS_H_

#include <cstddef>
#include <string_view>

#include "normalise/page_view.h"

namespace foicode::normalise {

// True when words()[index] starts an AI phrase: "AI", "artificial intelligence",
// "machine learning", "deep learning", "algorithm(s)".
bool IsAiWordAt(const PageView& page, std::size_t index);

// True when words()[index] is an AI phrase or a software, product, imaging or speech word
// ("software", "tool", "system", "platform", "product", "vendor", "supplier", "module",
// "imaging", "radiology", "dictation", "scribe" ...).
bool IsContextWordAt(const PageView& page, std::size_t index);

// The folded text of words()[index].
std::string_view WordText(const PageView& page, std::size_t index);

}  // namespace foicode::normalise

#endif  // FOICODE_PIPELINE_NORMALISE_CONTEXT_WORDS_H_
