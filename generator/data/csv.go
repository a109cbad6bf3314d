package data

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/werkplaats-jeugd/kennisbank/generator/reserved"
)

// Table is one CSV file of the open data: UTF-8 without byte order mark, comma-separated, a
// header row with the column names, fields quoted where needed (RFC 4180), CRLF line endings.
// Its rows come from the same document as kennisbank.json.
type Table struct {
	Path        string   // in the site, e.g. "data/determinanten.csv"
	Title       string   // for readers, in Dutch
	Description string   // what one row is, in Dutch
	Columns     []Column // in the order of the file
	records     func(KnowledgeBase) [][]string
}

// Column is one column of a Table; its description is for readers, in Dutch.
type Column struct{ Name, Description string }

// ListSeparator joins several values in one field (the sources of a strategy, for example).
const ListSeparator = ";"

type col[T any] struct {
	name, desc string
	get        func(T) string
}

func table[T any](path, title, desc string, rows func(KnowledgeBase) []T, cols []col[T]) Table {
	t := Table{Path: path, Title: title, Description: desc}
	for _, c := range cols {
		t.Columns = append(t.Columns, Column{Name: c.name, Description: c.desc})
	}
	t.records = func(kb KnowledgeBase) [][]string {
		var out [][]string
		for _, r := range rows(kb) {
			rec := make([]string, len(cols))
			for i, c := range cols {
				rec[i] = c.get(r)
			}
			out = append(out, rec)
		}
		return out
	}
	return t
}

// CSV writes the table for the document kb.
func (t Table) CSV(kb KnowledgeBase) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Name
	}
	if err := w.Write(header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(t.records(kb)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// names looks up the titles that the CSV files show beside ids.
type names struct{ category, cluster, strategy map[string]string }

func namesOf(kb KnowledgeBase) names {
	n := names{category: map[string]string{}, cluster: map[string]string{}, strategy: map[string]string{}}
	for _, c := range kb.Categories {
		n.category[c.ID] = c.Title
	}
	for _, c := range kb.Clusters {
		n.cluster[c.ID] = c.Title
	}
	for _, s := range kb.Strategies {
		n.strategy[s.ID] = s.Title
	}
	return n
}

type determinantRow struct {
	Determinant
	categoryTitle string
}

type strategyRow struct {
	Strategy
	clusterTitle string
}

// linkRow is one determinant → strategy link with both ends, a row of koppelingen.csv.
type linkRow struct {
	d Determinant
	Link
	strategyTitle string
}

// Tables lists the CSV files, in the order the open-data page describes them.
func Tables() []Table {
	determinants := table(reserved.Data+"/determinanten.csv", "Determinanten", "Eén rij per determinant van de MIDI, in de volgorde van hun nummer.",
		func(kb KnowledgeBase) []determinantRow {
			n := namesOf(kb)
			var out []determinantRow
			for _, d := range kb.Determinants {
				out = append(out, determinantRow{d, n.category[d.Category]})
			}
			return out
		},
		[]col[determinantRow]{
			{"id", "De korte naam van de determinant. Die staat ook in het adres van de pagina en in koppelingen.csv.", func(d determinantRow) string { return d.ID }},
			{"nummer", "Het nummer van de determinant in de MIDI: 1 tot en met 29.", func(d determinantRow) string { return strconv.Itoa(d.Number) }},
			{"categorie", "De categorie: innovatie, gebruiker (de uitvoerder), organisatie of sociaal-politieke-context.", func(d determinantRow) string { return d.Category }},
			{"categorie_titel", "De naam van de categorie zoals de site die toont, bijvoorbeeld De organisatie.", func(d determinantRow) string { return d.categoryTitle }},
			{"titel", "De Nederlandse naam van de determinant.", func(d determinantRow) string { return d.Title }},
			{"titel_en", "De Engelse naam uit de MIDI.", func(d determinantRow) string { return d.TitleEN }},
			{"samenvatting", "Een korte uitleg in één of twee zinnen.", func(d determinantRow) string { return d.Summary }},
			{"vraag", "De vraag waarmee de scan deze determinant meet.", func(d determinantRow) string { return d.Question }},
			{"schaal", "De antwoordschaal: eens5 (vijf antwoorden van helemaal mee oneens tot helemaal mee eens), eens5-omgekeerd (dezelfde schaal, maar wie het eens is geeft een belemmerend antwoord) of janeeweetniet (ja, nee of weet niet).", func(d determinantRow) string { return d.Scale }},
			{"url", "Het adres van de pagina, gerekend vanaf de hoofdmap van de site, bijvoorbeeld determinanten/25-coordinator/.", func(d determinantRow) string { return d.URL }},
		})
	strategies := table(reserved.Data+"/strategieen.csv", "Strategieën", "Eén rij per implementatiestrategie, op alfabet.",
		func(kb KnowledgeBase) []strategyRow {
			n := namesOf(kb)
			var out []strategyRow
			for _, s := range kb.Strategies {
				out = append(out, strategyRow{s, n.cluster[s.Cluster]})
			}
			return out
		},
		[]col[strategyRow]{
			{"id", "De korte naam van de strategie. Die staat ook in het adres van de pagina en in koppelingen.csv.", func(s strategyRow) string { return s.ID }},
			{"titel", "De Nederlandse naam van de strategie.", func(s strategyRow) string { return s.Title }},
			{"titel_en", "De oorspronkelijke Engelse naam uit ERIC of Intervention Mapping.", func(s strategyRow) string { return s.TitleEN }},
			{"cluster", "De groep waar de strategie bij hoort: een ERIC-cluster of een groep methoden van Intervention Mapping.", func(s strategyRow) string { return s.Cluster }},
			{"cluster_titel", "De naam van die groep zoals de site die toont.", func(s strategyRow) string { return s.clusterTitle }},
			{"bronnen", "De bronnen van de strategie, als korte namen gescheiden door een puntkomma (;). De lijst met bronnen staat hieronder.", func(s strategyRow) string { return strings.Join(s.Sources, ListSeparator) }},
			{"fasen", "De fasen van invoering waarin de strategie past (verspreiding, adoptie, implementatie, borging), gescheiden door een puntkomma. Leeg als dat niet is aangegeven.", func(s strategyRow) string { return strings.Join(s.Phases, ListSeparator) }},
			{"determinanten", "De determinanten die naar deze strategie verwijzen, als korte namen gescheiden door een puntkomma: eerst de kernkoppelingen.", func(s strategyRow) string { return strings.Join(s.Determinants, ListSeparator) }},
			{"samenvatting", "Een korte uitleg in één of twee zinnen.", func(s strategyRow) string { return s.Summary }},
			{"url", "Het adres van de pagina, gerekend vanaf de hoofdmap van de site.", func(s strategyRow) string { return s.URL }},
		})
	links := table(reserved.Data+"/koppelingen.csv", "Koppelingen", "Eén rij per koppeling van een determinant aan een strategie. Een koppeling staat er één keer per bron.",
		func(kb KnowledgeBase) []linkRow {
			n := namesOf(kb)
			var out []linkRow
			for _, d := range kb.Determinants {
				for _, l := range d.Links {
					out = append(out, linkRow{d, l, n.strategy[l.Strategy]})
				}
			}
			return out
		},
		[]col[linkRow]{
			{"determinant", "De korte naam van de determinant (kolom id in determinanten.csv).", func(l linkRow) string { return l.d.ID }},
			{"determinant_titel", "De naam van de determinant.", func(l linkRow) string { return l.d.Title }},
			{"strategie", "De korte naam van de strategie (kolom id in strategieen.csv).", func(l linkRow) string { return l.Strategy }},
			{"strategie_titel", "De naam van de strategie.", func(l linkRow) string { return l.strategyTitle }},
			{"sterkte", "kern (de strategie werkt direct op de determinant) of aanvullend (de strategie helpt mee).", func(l linkRow) string { return l.Strength }},
			{"bron", "De bron van de koppeling, als korte naam. De lijst met bronnen staat hieronder.", func(l linkRow) string { return l.Source }},
			{"toelichting", "Waarom de strategie bij deze determinant past.", func(l linkRow) string { return l.Explanation }},
		})
	return []Table{determinants, strategies, links}
}
