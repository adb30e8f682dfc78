// The least any tool built on Poppler can spend on a set of PDFs: every page's text through
// poppler-cpp in this one process, and nothing done with it. scale_bench.py runs one of these
// per job over the corpus's PDFs, beside the pdftotext baseline, so the full run's ratio can be
// read against what extraction alone costs.
//
// usage: foicode_poppler_floor LIST [--words]
//   LIST     a file of PDF paths, one per line
//   --words  each page's words with their boxes (page::text_list, what foicode reads) instead
//            of its plain text (page::text, what pdftotext writes)
// Prints "<pdfs> pdfs <pages> pages <units>" (bytes of text, or words).
#include <poppler-document.h>
#include <poppler-page.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::string(argv[2]) != "--words")) {
    std::cerr << "usage: foicode_poppler_floor LIST [--words]\n";
    return 2;
  }
  const bool words = argc == 3;
  std::ifstream list(argv[1]);
  if (!list) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 1;
  }
  long long pdfs = 0;
  long long pages = 0;
  long long units = 0;
  std::string path;
  while (std::getline(list, path)) {
    const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
    if (!document || document->is_locked()) continue;
    ++pdfs;
    for (int i = 0; i < document->pages(); ++i) {
      const std::unique_ptr<poppler::page> page(document->create_page(i));
      if (!page) continue;
      ++pages;
      if (words) units += static_cast<long long>(page->text_list().size());
      else units += static_cast<long long>(page->text().to_utf8().size());
    }
  }
  std::printf("%lld pdfs %lld pages %lld\n", pdfs, pages, units);
  return 0;
}
