package extract

// dates builds Date facts from date hits.
func (b *builder) dates(hits []hit) []Date {
	out := factsFor[Date](hits)
	for _, h := range hits {
		for i := h.start; i < h.end; i++ {
			m, ok := b.a.dateAtPos(i)
			if !ok {
				continue
			}
			out = append(out, b.date(h, m))
			i = m.End - 1
		}
	}
	return out
}

func (b *builder) date(h hit, m DateMention) Date {
	d := Date{Text: b.str(span{m.Start, m.End}), Provenance: b.prov(h, span{m.Start, m.End})}
	if m.IsRange() {
		d.From, d.To = m.From.String(), m.To.String()
	} else {
		d.Date = m.From.String()
	}
	return d
}

// resolveDates completes each date without a written year from the
// document's year.
func resolveDates(ds []Date, year int) {
	if year == 0 {
		return
	}
	for i := range ds {
		v := ds[i].Date
		if v == "" {
			v = ds[i].From
		}
		if len(v) == 7 && v[:2] == "--" {
			ds[i].Resolved = itoa4(year) + v[1:]
		}
	}
}

func itoa4(y int) string {
	b := []byte{'0', '0', '0', '0'}
	for i := 3; i >= 0 && y > 0; i-- {
		b[i] = byte('0' + y%10)
		y /= 10
	}
	return string(b)
}
