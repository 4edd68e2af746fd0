Feature: The console answers bad input the way IOS 12.2 does
  An engineer reads IOS's own error messages: the caret under the first bad character,
  incomplete and ambiguous commands, and the telnet attempt for an unknown word.

  Background:
    Given the lab "ted-doc"

  Scenario: An unknown word is tried as a host name; a misspelt keyword gets the caret under it
    When I type on "Daphne":
      """
      shw
      show runing-config
      """
    Then the output is exactly:
      """
      Daphne#shw
      Translating "shw"
      % Unknown command or computer name, or unable to find computer address
      Daphne#show runing-config
                     ^
      % Invalid input detected at '^' marker.

      Daphne#
      """

  Scenario: Incomplete and ambiguous commands
    When I type on "Daphne":
      """
      show ip
      sh c
      """
    Then the output is exactly:
      """
      Daphne#show ip
      % Incomplete command.

      Daphne#sh c
      % Ambiguous command:  "sh c"
      Daphne#
      """

  Scenario: A configuration line IOS rejects fails the step that configures it
    When I try to configure "fred" with:
      """
      interface FastEthernet0/0
       ip adress 11.11.11.2 255.255.255.0
      """
    Then the configuration fails with:
      """
      fred(config-if)#ip adress 11.11.11.2 255.255.255.0
                           ^
      % Invalid input detected at '^' marker.
      """

  Scenario: A broken topology is refused with its file, line and column
    When I try to load the lab:
      """
      routers:
        R1:
          model: c2600
          colour: blue
      """
    Then loading fails with an error containing "<inline topology>:4:5: unknown key \"colour\""
    And loading fails with an error containing "colour"
