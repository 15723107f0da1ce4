// Common Nordic first and family names, for demo data that looks like a real Nordic desk.
export const NAMES = {
  SE: {
    given: ['Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Emma', 'Elin', 'Ida', 'Linnéa', 'Maja', 'Åsa', 'Ingrid', 'Lars', 'Erik', 'Karl', 'Johan', 'Anders', 'Per', 'Nils', 'Mikael', 'Oskar', 'Björn', 'Göran', 'Sven', 'Olof', 'Hugo', 'Elias', 'Liam', 'Noah', 'Alva'],
    family: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Lindberg', 'Lindqvist', 'Lindström', 'Bergström', 'Åberg', 'Sjöberg', 'Holm', 'Ek', 'Lundgren', 'Söderberg', 'Nyström', 'Öberg', 'Wallin', 'Engström', 'Hedlund', 'Sandberg', 'Forsberg', 'Björk'],
  },
  DK: {
    given: ['Mette', 'Hanne', 'Anne', 'Kirsten', 'Susanne', 'Lone', 'Camilla', 'Freja', 'Ida', 'Sofie', 'Karen', 'Signe', 'Jens', 'Peter', 'Søren', 'Lars', 'Rasmus', 'Mads', 'Niels', 'Henrik', 'Morten', 'Jørgen', 'Anders', 'Frederik', 'Mikkel', 'Christian', 'Thomas', 'Asger', 'Malthe', 'William'],
    family: ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Knudsen', 'Lund', 'Holm', 'Schmidt', 'Kjær', 'Dahl', 'Bach', 'Skov', 'Høj', 'Ørsted'],
  },
  NO: {
    given: ['Kari', 'Ingrid', 'Liv', 'Anne', 'Marit', 'Solveig', 'Hilde', 'Nora', 'Emma', 'Sofie', 'Ingeborg', 'Tuva', 'Ole', 'Lars', 'Knut', 'Jan', 'Per', 'Bjørn', 'Arne', 'Kjetil', 'Magnus', 'Håkon', 'Sindre', 'Eirik', 'Jakob', 'Emil', 'Henrik', 'Aksel', 'Odin', 'Trygve'],
    family: ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Strand', 'Solberg', 'Bakken', 'Lie', 'Ødegård'],
  },
} as const;

export const ORGANISATION_WORDS = ['Bygg', 'Anläggning', 'El', 'VVS', 'Måleri', 'Betong', 'Stål', 'Trä', 'Entreprenad', 'Schakt', 'Tak', 'Glas', 'Ventilation', 'Fasad', 'Mark', 'Rör', 'Kran', 'Ställning', 'Plåt', 'Golv'];
export const PLACES = ['Nord', 'Syd', 'Öst', 'Väst', 'Fjord', 'Dal', 'Sjö', 'Berg', 'Skog', 'Ås', 'Hav', 'Vik', 'Holm', 'Strand', 'Mo'];
export const SUFFIX = { SE: 'AB', DK: 'ApS', NO: 'AS' } as const;
export const SITES = ['Hammarby Sjöstad', 'Kvarnholmen', 'Nordhavn', 'Ørestad', 'Bjørvika', 'Fornebu', 'Hagastaden', 'Lindholmen', 'Aarhus Ø', 'Lodalen'];
