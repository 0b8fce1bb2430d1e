from humaskit.cli import main

main()
