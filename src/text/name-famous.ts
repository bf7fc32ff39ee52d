/**
 * People and characters a primary school's posts name all the time (World Book Day, history
 * topics, assemblies, sport): never pupils. Written by hand for smcheck; a school adds its own
 * with `allowNames:` in smcheck.yml. A pupil who really has one of these names is still found
 * by first name (beside a photo) and by surname alone.
 */
export const FAMOUS_NAMES = [
  // authors and illustrators
  'Roald Dahl', 'Julia Donaldson', 'Axel Scheffler', 'David Walliams', 'Jacqueline Wilson', 'Michael Morpurgo',
  'Cressida Cowell', 'Anthony Browne', 'Oliver Jeffers', 'Judith Kerr', 'Eric Carle', 'Beatrix Potter',
  'Enid Blyton', 'Lewis Carroll', 'Charles Dickens', 'William Shakespeare', 'Michael Rosen', 'Quentin Blake',
  'Jeff Kinney', 'Dav Pilkey', 'Tom Fletcher', 'Malorie Blackman', 'Francesca Simon', 'Liz Pichon',
  'Mo Willems', 'Jill Murphy', 'Shirley Hughes', 'Allan Ahlberg', 'Janet Ahlberg', 'Nick Sharratt',
  'Jon Klassen', 'Dr Seuss', 'Philip Pullman', 'Neil Gaiman', 'Rick Riordan', 'Onjali Rauf', 'Kiran Millwood Hargrave',
  'Katherine Rundell', 'Lauren Child', 'Mick Inkpen', 'Martin Waddell', 'Helen Oxenbury', 'Korky Paul',
  'Valerie Thomas', 'Chris Riddell', 'Emma Carroll', 'Pamela Butchart',
  // characters
  'Harry Potter', 'Hermione Granger', 'Ron Weasley', 'Albus Dumbledore', 'Peter Rabbit', 'Peter Pan',
  'Willy Wonka', 'Charlie Bucket', 'Matilda Wormwood', 'Miss Honey', 'Paddington Bear', 'Winnie the Pooh',
  'Horrid Henry', 'Tracy Beaker', 'Greg Heffley', 'Peppa Pig', 'Katie Morag', 'Alice in Wonderland',
  'Little Red Riding Hood', 'Jack Frost', 'Father Christmas', 'Santa Claus', 'Mrs Claus', 'Tom Gates',
  'Captain Underpants', 'Mr Tumnus', 'Lucy Pevensie', 'Edmund Pevensie', 'Bilbo Baggins', 'Robin Hood',
  'Oliver Twist', 'Ebenezer Scrooge', 'Tiny Tim', 'Mary Poppins', 'Mr Men', 'Fantastic Mr Fox', 'Percy Jackson',
  'Hiccup Horrendous Haddock', 'Stig of the Dump', 'Charlie Brown', 'Wallace and Gromit', 'Spot the Dog',
  // history, science and the world
  'Florence Nightingale', 'Mary Seacole', 'Rosa Parks', 'Martin Luther King', 'Nelson Mandela', 'Guy Fawkes',
  'Neil Armstrong', 'Buzz Aldrin', 'Tim Peake', 'Helen Sharman', 'Isaac Newton', 'Albert Einstein',
  'Charles Darwin', 'Marie Curie', 'Mary Anning', 'Ada Lovelace', 'Grace Hopper', 'Katherine Johnson',
  'Alan Turing', 'Stephen Hawking', 'David Attenborough', 'Greta Thunberg', 'Malala Yousafzai', 'Anne Frank',
  'Winston Churchill', 'Queen Victoria', 'Queen Elizabeth', 'King Charles', 'Henry VIII', 'Elizabeth I',
  'Boudicca', 'Julius Caesar', 'Tutankhamun', 'Leonardo da Vinci', 'Vincent van Gogh', 'Pablo Picasso',
  'Frida Kahlo', 'Claude Monet', 'Andy Warhol', 'Henri Matisse', 'Georgia O\'Keeffe', 'Yayoi Kusama',
  'Wolfgang Amadeus Mozart', 'Ludwig van Beethoven', 'Captain Tom', 'Captain Tom Moore', 'Emmeline Pankhurst',
  'Walter Tull', 'Grace Darling', 'Isambard Kingdom Brunel', 'George Stephenson', 'Amelia Earhart',
  'Amy Johnson', 'Ernest Shackleton', 'Christopher Columbus', 'Edith Cavell', 'Noor Inayat Khan',
  // sport
  'Marcus Rashford', 'Harry Kane', 'Jude Bellingham', 'Bukayo Saka', 'Leah Williamson', 'Lucy Bronze',
  'Mary Earps', 'Chloe Kelly', 'Alessia Russo', 'Ellen White', 'Lionel Messi', 'Cristiano Ronaldo',
  'Mo Farah', 'Jessica Ennis-Hill', 'Tom Daley', 'Ellie Simmonds', 'Emma Raducanu', 'Andy Murray',
  'Serena Williams', 'Lewis Hamilton', 'Usain Bolt', 'Dina Asher-Smith', 'Max Whitlock', 'Simone Biles',
  'Sky Brown', 'Joe Wicks', 'Tanni Grey-Thompson', 'Jonny Wilkinson', 'Ben Stokes', 'Heather Knight',
];
