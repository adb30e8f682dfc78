// The review page's own files (page/index.html, app.js, app.css), embedded in the binary at
// build time by embed_assets.cmake, so the page loads nothing from disk or the network.
#ifndef FOICODE_PIPELINE_SERVER_PAGE_ASSETS_H_
#define FOICODE_PIPELINE_SERVER_PAGE_ASSETS_H_

#include <string_view>
#include <vector>

namespace foicode::server {

struct PageAsset {
  std::string_view name;   // file name under page/, e.g. "app.js"
  std::string_view bytes;  // static storage
};

const std::vector<PageAsset>& PageAssets();

}  // namespace foicode::server

#endif  // FOICODE_PIPELINE_SERVER_PAGE_ASSETS_H_
