package view

import (
	"github.com/werkplaats-jeugd/kennisbank/generator/content"
	"github.com/werkplaats-jeugd/kennisbank/generator/graph"
)

// Matrix is what matrix.html shows: a row per strategy, a column per determinant.
type Matrix struct {
	Categories []Category             // for the column groups and the filter; all four
	Columns    []*content.Determinant // by number
	Rows       []MatrixRow            // by title
}

// MatrixRow is one strategy's row: the strongest link to each determinant, in column order.
type MatrixRow struct {
	Strategy *content.Strategy
	Cells    []MatrixCell
}

// MatrixCell is one cell of the matrix; Strength is "" where there is no link.
type MatrixCell struct {
	Category string
	Strength string
}

func matrix(g *graph.Graph) Matrix {
	dets := g.Content.Determinants
	column := make(map[string]int, len(dets))
	for i, d := range dets {
		column[d.ID] = i
	}
	rows := make(map[string][]MatrixCell, len(g.Content.Strategies))
	for _, s := range g.Content.Strategies {
		cells := make([]MatrixCell, len(dets))
		for i, d := range dets {
			cells[i].Category = d.Categorie
		}
		rows[s.ID] = cells
	}
	for _, d := range dets {
		for _, l := range d.Links {
			if cells, ok := rows[l.Strategy]; ok {
				c := &cells[column[d.ID]]
				if c.Strength == "" || l.Strength == "kern" {
					c.Strength = l.Strength
				}
			}
		}
	}
	m := Matrix{Categories: categories(g), Columns: dets, Rows: make([]MatrixRow, len(g.Content.Strategies))}
	for i, s := range g.Content.Strategies {
		m.Rows[i] = MatrixRow{Strategy: s, Cells: rows[s.ID]}
	}
	return m
}
