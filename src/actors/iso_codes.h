// Reading iso-codes' ISO 3166-1 list (/usr/share/iso-codes/json/iso_3166-1.json) for the actor
// dictionary, without building a JSON tree.
//
// The file is one object whose "3166-1" member is an array of objects with string members
// "alpha_3", "name" and optionally "common_name" and "official_name". The reader streams it
// through nlohmann's SAX interface (the same parser, so the same syntax is accepted and
// rejected) and keeps only those four members of each array element: building the whole tree
// (~250 objects of std::map nodes and strings) cost ~4 M instructions of start-up.
//
// What it returns is what the tree would hold: a member given twice keeps its last value, a
// member that is not a string is absent, an element that is not an object is left out, and a
// "3166-1" given twice or not as an array answers as the last one written.
#ifndef DRAGOMAN_ACTORS_ISO_CODES_H_
#define DRAGOMAN_ACTORS_ISO_CODES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dragoman {

struct IsoCountryRecord {
  std::optional<std::string> alpha_3, common_name, name, official_name;
};

// The elements of the "3166-1" array of `json` that are objects, in order; nullopt when `json`
// is not valid JSON, not an object, or has no "3166-1" array.
std::optional<std::vector<IsoCountryRecord>> ReadIsoCountries(std::string_view json);

}  // namespace dragoman

#endif  // DRAGOMAN_ACTORS_ISO_CODES_H_
