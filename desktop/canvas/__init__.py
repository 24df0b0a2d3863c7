"""The genogram canvas: scene, view and items. Items only draw, and they draw the notation's
glyphs through `qtpainter`, so the screen and the printouts never disagree."""
