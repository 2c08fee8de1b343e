// Package rules holds zongjie's extraction rules as data, and reads them.
//
// The built-in files live in this folder and are embedded in the binary
// (Builtin). A user layers a folder of their own over them (zongjie
// --rules DIR): a file of the same name replaces the built-in one, a new
// file adds to it. `zongjie rules dump DIR` writes the built-ins out as a
// starting point, and `zongjie rules test` runs the test cases kept beside
// the rules.
//
// # Files
//
//	*.rules   patterns that make facts (count.rules, org.rules, …)
//	*.dict    word classes: the file name is the class name (unit.dict is @unit)
//	*.test    test cases for the rules: text in, facts out
//	*.tsv     tables of facts (administrative divisions, laws, observances,
//	          topic words of genres, annual themes, organisation aliases),
//	          each with a # header saying where it came from
//
// Lines starting with # are comments everywhere; blank lines are ignored.
//
// # Word classes (.dict)
//
// One word per line, optionally followed by attributes key=value separated
// by spaces or tabs:
//
//	# unit.dict: measure words
//	份
//	人次
//	万元   value=10000 unit=元
//
// In a pattern, @unit matches any word of unit.dict (the longest first,
// shorter ones on backtracking).
//
// # Rules (.rules)
//
// One rule per line: the kind of fact it makes, the pattern, and
// optionally "=>" followed by fixed fields key=value:
//
//	count      action=@action? object=<np> @link? value=<num> unit=@unit
//	not-count  第 <num>
//	org        name=@org_name => confidence=0.9
//
// A kind prefixed with "not-" is a veto: a fact of that kind whose main
// span (for a count, its number) overlaps a veto's match is dropped. The
// rule that made a fact is recorded as file:line (count.rules:12) and shown
// to the user next to the fact.
//
// A pattern is a sequence of elements separated by spaces. It is matched
// against the document's text character by character; elements that name a
// part of speech or a token match whole words of the segmentation (gse), and
// so can only begin and end where a word does.
//
//	发放 "3·15"       literal text; quote it when it holds spaces or the
//	                  characters ( ) | ? * + { } = @ < > / ~ ! " or #
//	@unit             any word of the class unit (unit.dict)
//	~@org_suffix      one segmented word that ends with a word of the class
//	                  and is longer than it (工商局 for the class word 局)
//	/n  /vn  /ns      one segmented word whose part of speech starts with n,
//	                  vn, ns (gse's tags: n noun, v verb, a adjective, …)
//	<num>             a numeral, with hedges: 1000余, 两, 2.5万, 近300, 三至五
//	<pct>             a numeral written as a percentage: 95%, 百分之九十五, 九成
//	<date>            a calendar day or range: 3月15日, 2024.3.15, 5月16日—22日
//	<place>           an administrative place from divisions.tsv, or a
//	                  community/village name (光明社区); anonymised ones (××区)
//	                  are not places
//	<anon>            an anonymised place prefix: ××区, xx镇, **市
//	<quoted>          the text inside a pair of quotes, the quotes included:
//	                  “消费与民生”, 「…」, "…"; 1 to 64 characters, one line
//	<titled>          the text inside 《》, the brackets included
//	<np>              a noun phrase: one to eight segmented words that are
//	                  nouns, verbs, adjectives or quoted phrases, without
//	                  punctuation, function words, words of @np_stop or
//	                  @action (the things counted: 调查问卷, 受宣传教育群众);
//	                  a word of @np_trail (当场, 依法) may start it and ends
//	                  it anywhere else
//	<noun>            as <np>, but a verb of two or more characters that is
//	                  no noun (gse's v) and has no noun after it ends the
//	                  phrase after its first word: the object after a
//	                  number (12位青年志愿者发起倡议 counts 青年志愿者)
//	<name>            the name part of an organisation: one to eight
//	                  nominal words (nouns, short forms, place names; no
//	                  verbs but those of @org_word: 审批, 保障), none of them
//	                  in @np_stop or @org_stop (西夏工商, 农业服务)
//	<han>             one Han character
//	<digit>           one digit 0-9
//	<tok>             any one segmented word
//	( a | b c )       a group with alternatives
//	x?  x*  x+  x{2,4}  repetition of the element before
//	name=x            capture what x matched as the field "name"
//	!x                look ahead: continue only if x does not match here
//	                  (consumes nothing)
//	&x                look ahead: continue only if x matches here (consumes
//	                  nothing)
//
// Captures fill the fact's fields. For a count: value (a <num>), unit,
// object, action. For an org: name (and kind from the class attribute
// kind=, or a fixed field). For a theme: text (a <quoted>, without its
// quotes). For a law: title (a <titled>, without the brackets). For a
// place: name (a <place>). For a date: the <date> element.
//
// An org rule may capture name more than once: each capture is one
// organisation (a list: 甲、乙和丙等3家商家). A level shared by two names
// is captured as alt, with the second name's rest as body: in
//
//	org  alt=@level 、 name=(@level body=(<name>? @org_suffix))
//
// 省、市消协 gives 市消协 (name) and 省消协 (alt + body).
//
// Fixed fields that filter: ends=CLASS keeps an org only when its name
// ends with a word of the class (ends=grassroots: 光明社区, not 银川市);
// require=known_theme keeps a theme only when it is a known annual theme
// (themes_cca.tsv, themes_other.tsv); require=slogan only when it is a
// slogan of two clauses of three or more characters, split by a comma or
// a space (人保在身边,理赔更贴心).
//
// Worked example. The rule
//
//	count  action=@action? object=<np> @link? value=<num> unit=@unit
//
// applied to 共发放调查问卷200份 skips 共 (an adverb is not the start of a
// noun phrase), matches action=发放 (in action.dict), object=调查问卷,
// value=200, unit=份, and makes count{200 份 调查问卷}. On 问卷回收率达到95%
// it matches object=问卷回收率, @link=达到, value=95, unit=%.
//
// # Tests (.test)
//
// One case per line: the text, "=>", and the facts expected of the kinds
// that the .rules file of the same base name makes, separated by ";", each
// in its one-line form:
//
//	发放宣传资料1000余份 => count{1000 份 宣传资料 ~}
//	今年是第28个国际消费者权益日 =>
//
// An empty right side means "no facts of these kinds".
package rules
