"""The agendas app's pages: reading (Bilag downloads, notes and comments) and the editor."""
