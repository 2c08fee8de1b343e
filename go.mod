module zongjie

go 1.26
